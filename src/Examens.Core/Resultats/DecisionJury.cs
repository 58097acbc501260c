using Examens.Domain.Deliberations;

namespace Examens.Core.Resultats;

/// <summary>
/// The jury's decision for one registration, kept apart from the computed result so that a new deliberation (the
/// grades changed) applies it again instead of losing it. Each change is also written in the trail with its reason.
/// </summary>
public sealed class DecisionJury
{
    public Guid InscriptionId { get; set; }

    /// <summary>Points de jury added to the candidate's total points (0 when none).</summary>
    public decimal PointsJury { get; set; }

    /// <summary>A decision the jury sets instead of the computed one (Admis or Ajourné only), or null.</summary>
    public Decision? DecisionImposee { get; set; }

    public string Motif { get; set; } = "";

    public string ActeurId { get; set; } = "";

    public DateTime InstantUtc { get; set; }
}
