namespace Examens.Core.Inscriptions;

/// <summary>The receipt given at once on submission: version, server instant, hash of what was submitted.</summary>
public sealed record RecuSoumission(int Version, DateTime SoumiseLeUtc, string Empreinte, string CodeVerification, bool DejaSoumise);
