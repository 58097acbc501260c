namespace Examens.Core.Convocations;

/// <summary>
/// What the back of every convocation says about the results (R62, R69): the date they are published, where (online
/// and the places where the list of admitted candidates is posted), and that no result is given by phone.
/// </summary>
public sealed class AnnonceResultats
{
    public int SessionId { get; set; }

    public DateOnly Date { get; set; }

    public TimeOnly Heure { get; set; }

    /// <summary>Where the results are published, one place per line, as printed.</summary>
    public string Lieux { get; set; } = "";
}
