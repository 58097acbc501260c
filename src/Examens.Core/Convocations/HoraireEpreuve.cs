namespace Examens.Core.Convocations;

/// <summary>
/// One line of a session's timetable: when a unit of a speciality is sat, in the local time of the centre's academy
/// (a centre's candidates read the time on the wall clock, P12).
/// </summary>
public sealed class HoraireEpreuve
{
    public int Id { get; set; }

    public int SessionId { get; set; }

    public string Specialite { get; set; } = "";

    public string Unite { get; set; } = "";

    public DateOnly Date { get; set; }

    public TimeOnly Debut { get; set; }

    public int DureeMinutes { get; set; }
}
