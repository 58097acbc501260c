using Examens.Domain.Deliberations;

namespace Examens.Core.Resultats;

/// <summary>The deliberation's outcome for one registration, as the engine computed it (R37–R45, P1–P11).</summary>
public sealed class ResultatInscription
{
    public Guid InscriptionId { get; set; }

    public Decision Decision { get; set; }

    /// <summary>Exact average (P7), or null when incomplete or nothing counts.</summary>
    public decimal? Moyenne { get; set; }

    public decimal Points { get; set; }

    public decimal Coefficients { get; set; }

    public decimal BonusFacultatif { get; set; }

    public bool EpreuvesDeControle { get; set; }

    public DateTime DelibereLeUtc { get; set; }
}
