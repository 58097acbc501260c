using Examens.Domain.Regles;

namespace Examens.Domain.Tests.Regles;

public class ValiditeDesNotesTests
{
    [Theory]
    [InlineData("2019-07-05", "2024-07-05", true)]  // the last valid day
    [InlineData("2019-07-04", "2024-07-05", false)]
    [InlineData("2020-02-29", "2025-02-28", true)]  // 29 February → 28 February
    [InlineData("2020-02-29", "2025-03-01", false)]
    public void P1_R14_five_calendar_years_to_the_deliberation_date(string obtention, string deliberation, bool utilisable)
    {
        var o = DateOnly.Parse(obtention, System.Globalization.CultureInfo.InvariantCulture);
        var d = DateOnly.Parse(deliberation, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(utilisable, ValiditeDesNotes.EstUtilisableA(o, d));
    }

    [Fact]
    public void P1_last_usable_date_of_a_29_february_grade() =>
        Assert.Equal(new DateOnly(2029, 2, 28), ValiditeDesNotes.DerniereDateUtilisable(new DateOnly(2024, 2, 29)));
}
