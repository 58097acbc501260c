namespace Examens.Core.Convocations;

/// <summary>An exam centre of one session, in one academy, that seats at most <see cref="Capacite"/> candidates (R69).</summary>
public sealed class CentreExamen
{
    public int Id { get; set; }

    public int SessionId { get; set; }

    /// <summary>The academy whose candidates it receives (code of <see cref="Sessions.AcademieSession"/>).</summary>
    public string CodeAcademie { get; set; } = "";

    public string Nom { get; set; } = "";

    /// <summary>Postal address, possibly on several lines, printed on the convocation.</summary>
    public string Adresse { get; set; } = "";

    public int Capacite { get; set; }
}
