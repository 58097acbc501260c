namespace Examens.Domain.Regles;

/// <summary>P7: grades are 0 to 20 with at most 2 decimals.</summary>
public static class NoteSur20
{
    public const decimal Minimum = 0m;
    public const decimal Maximum = 20m;
    public const decimal Moyenne = 10m;

    public static bool EstDansLesBornes(decimal note) => note is >= Minimum and <= Maximum;

    public static bool AAuPlusDeuxDecimales(decimal note) => decimal.Round(note, 2) == note;

    /// <summary>R7: a grade of 10 or more awards the unit.</summary>
    public static bool EstAcquise(decimal note) => note >= Moyenne;
}
