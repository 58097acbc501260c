namespace Examens.Core.Taches;

/// <summary>A named lease in the database: the node that holds it does the job; the others skip it.</summary>
public sealed class Bail
{
    public string Nom { get; set; } = "";

    public string Detenteur { get; set; } = "";

    public DateTime ExpireLeUtc { get; set; }
}
