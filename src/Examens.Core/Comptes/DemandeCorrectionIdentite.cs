using Examens.Core.Documents;

namespace Examens.Core.Comptes;

public enum EtatDemandeCorrection
{
    EnAttente,
    Approuvee,
    Refusee,
}

/// <summary>
/// Once the identity is locked (first submission), the candidate asks for a correction with a proof document; an
/// officer approves or refuses it in the back-office, and only then does the identity change.
/// </summary>
public sealed class DemandeCorrectionIdentite
{
    public Guid Id { get; set; }

    public string CandidatId { get; set; } = "";

    public string Nom { get; set; } = "";

    public string Prenoms { get; set; } = "";

    public DateOnly DateNaissance { get; set; }

    public string LieuNaissance { get; set; } = "";

    public string Explication { get; set; } = "";

    public string EmpreinteJustificatif { get; set; } = "";

    public TypeFichier TypeJustificatif { get; set; }

    public DateTime DemandeeLeUtc { get; set; }

    public EtatDemandeCorrection Etat { get; set; } = EtatDemandeCorrection.EnAttente;

    public string? MotifDecision { get; set; }

    public DateTime? DecideeLeUtc { get; set; }
}
