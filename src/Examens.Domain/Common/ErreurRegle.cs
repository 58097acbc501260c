namespace Examens.Domain.Common;

/// <summary>
/// A broken rule: the rule or decision it applies (R…, P…, D…), a stable code, a French message for a person,
/// and where in the input it was found (null when it concerns the whole input).
/// </summary>
public sealed record ErreurRegle(string Regle, string Code, string Message, string? Chemin);

/// <summary>Information the candidate must read, that does not block (for example R34: arabe littéral).</summary>
public sealed record Avis(string Regle, string Code, string Message);
