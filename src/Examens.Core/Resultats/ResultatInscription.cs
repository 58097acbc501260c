using Examens.Domain.Deliberations;

namespace Examens.Core.Resultats;

/// <summary>The deliberation's outcome for one registration, as the engine computed it (R37–R45, P1–P11).</summary>
public sealed class ResultatInscription
{
    public Guid InscriptionId { get; set; }

    /// <summary>The final decision: the engine's, or the jury's when it changed it (<see cref="DecisionJury"/>).</summary>
    public Decision Decision { get; set; }

    /// <summary>What the engine alone decided, kept beside the jury's for the trail and the jury page.</summary>
    public Decision DecisionCalculee { get; set; }

    /// <summary>Points de jury added to the total (0 when none), re-applied at every deliberation.</summary>
    public decimal PointsJury { get; set; }

    /// <summary>When the "results published" e-mail left for this registration: sent once (null until then).</summary>
    public DateTime? CourrielPublicationLeUtc { get; set; }

    /// <summary>Exact average (P7), or null when incomplete or nothing counts.</summary>
    public decimal? Moyenne { get; set; }

    public decimal Points { get; set; }

    public decimal Coefficients { get; set; }

    public decimal BonusFacultatif { get; set; }

    public bool EpreuvesDeControle { get; set; }

    public DateTime DelibereLeUtc { get; set; }
}
