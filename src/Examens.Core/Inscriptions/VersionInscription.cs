namespace Examens.Core.Inscriptions;

/// <summary>
/// A numbered, immutable copy of a registration, made by each submission inside the window (P22). The receipt is its
/// number, the server instant and the SHA-256 of exactly what was submitted.
/// </summary>
public sealed class VersionInscription
{
    public long Id { get; set; }

    public Guid InscriptionId { get; set; }

    public int Numero { get; set; }

    public DateTime SoumiseLeUtc { get; set; }

    /// <summary>SHA-256 (hex) of <see cref="Contenu"/>.</summary>
    public string Empreinte { get; set; } = "";

    /// <summary>The submitted registration, as canonical JSON.</summary>
    public string Contenu { get; set; } = "";

    public string CodeVerification { get; set; } = "";

    /// <summary>The officer's account id when the exam office made this version after the close (P22); null for the candidate.</summary>
    public string? AuteurGestionnaire { get; set; }

    /// <summary>Why the exam office changed the registration (P22).</summary>
    public string? Motif { get; set; }
}
