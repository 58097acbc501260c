namespace Examens.Core.Convocations;

/// <summary>Where a submitted registration sits its units this session: one centre for all of them.</summary>
public sealed class AffectationCentre
{
    public Guid InscriptionId { get; set; }

    public int CentreId { get; set; }

    public CentreExamen Centre { get; set; } = null!;

    public DateTime AffecteeLeUtc { get; set; }
}
