namespace Examens.Core.Resultats;

/// <summary>
/// Where a session's results stand: locked (no more deliberation nor jury change), then published at a set instant.
/// Before that instant only staff see the results; from it, each candidate sees theirs.
/// </summary>
public sealed class PublicationResultats
{
    public int SessionId { get; set; }

    public DateTime? VerrouillesLeUtc { get; set; }

    public string? VerrouillesPar { get; set; }

    /// <summary>The instant the results become visible to candidates (UTC).</summary>
    public DateTime? PublicationUtc { get; set; }

    public bool Verrouilles => VerrouillesLeUtc is not null;

    public bool EstPublieA(DateTimeOffset instant) => PublicationUtc is { } p && p <= instant.UtcDateTime;
}
