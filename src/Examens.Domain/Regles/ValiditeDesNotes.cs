namespace Examens.Domain.Regles;

/// <summary>
/// R14, P1: a kept or carried grade obtained on date d may be used at a session whose deliberation date is on or
/// before d + 5 calendar years (29 February → 28 February).
/// </summary>
public static class ValiditeDesNotes
{
    public const int DureeEnAnnees = 5;

    /// <summary>The last deliberation date at which a grade obtained on <paramref name="obtention"/> may be used.</summary>
    public static DateOnly DerniereDateUtilisable(DateOnly obtention) => obtention.AddYears(DureeEnAnnees);

    public static bool EstUtilisableA(DateOnly obtention, DateOnly dateDeliberation)
        => dateDeliberation <= DerniereDateUtilisable(obtention);
}
