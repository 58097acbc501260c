using Examens.Domain.Regles;

namespace Examens.Domain.Tests.Regles;

public class FenetreInscriptionTests
{
    private static FenetreInscription Fenetre(string zone, int ouvertureH = 14) =>
        FenetreInscription.Creer(new DateTime(2023, 10, 10, ouvertureH, 0, 0), new DateTime(2023, 11, 15, 17, 0, 0),
            TimeZoneInfo.FindSystemTimeZoneById(zone))!;

    [Fact]
    public void P12_R56_the_SIEC_window_of_the_seed_in_UTC()
    {
        // The seed: Tue 10 Oct 2023 14:00 (CEST) to Wed 15 Nov 2023 17:00 précises (CET); the DST change is inside.
        var f = Fenetre("Europe/Paris");
        Assert.Equal(new DateTimeOffset(2023, 10, 10, 12, 0, 0, TimeSpan.Zero), f.Ouverture);
        Assert.Equal(new DateTimeOffset(2023, 11, 15, 16, 0, 0, TimeSpan.Zero), f.Fermeture);
    }

    [Theory]
    [InlineData("2023-11-15T15:59:59.999Z", PositionDansFenetre.Ouverte)]  // 16:59:59.999 local
    [InlineData("2023-11-15T15:59:59Z", PositionDansFenetre.Ouverte)]      // 16:59:59 local
    [InlineData("2023-11-15T16:00:00Z", PositionDansFenetre.Fermee)]       // 17:00:00 local: already late
    [InlineData("2023-10-10T11:59:59Z", PositionDansFenetre.AvantOuverture)]
    [InlineData("2023-10-10T12:00:00Z", PositionDansFenetre.Ouverte)]      // opening instant is inside
    [InlineData("2023-10-29T01:30:00Z", PositionDansFenetre.Ouverte)]      // the night of the autumn change
    public void P12_open_for_opening_lte_t_lt_closing(string instant, PositionDansFenetre attendue) =>
        Assert.Equal(attendue, Fenetre("Europe/Paris").Position(DateTimeOffset.Parse(instant, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData("America/Martinique", "2023-11-15T20:59:59Z", "2023-11-15T21:00:00Z")] // UTC−4
    [InlineData("Indian/Reunion", "2023-11-15T12:59:59Z", "2023-11-15T13:00:00Z")]     // UTC+4
    [InlineData("Pacific/Noumea", "2023-11-15T05:59:59Z", "2023-11-15T06:00:00Z")]     // UTC+11
    public void R57_overseas_academies_close_at_17_00_of_their_own_zone(string zone, string derniereSeconde, string clotureUtc)
    {
        var f = Fenetre(zone, 8);
        Assert.True(f.EstOuverteA(DateTimeOffset.Parse(derniereSeconde, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.False(f.EstOuverteA(DateTimeOffset.Parse(clotureUtc, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(new DateTime(2023, 11, 15, 17, 0, 0), f.EnHeureLocale(f.Fermeture));
    }

    [Fact]
    public void P12_a_window_that_closes_before_it_opens_is_refused() =>
        Assert.Null(FenetreInscription.Creer(new DateTime(2023, 11, 15, 17, 0, 0), new DateTime(2023, 11, 15, 17, 0, 0), TimeZoneInfo.Utc));

    [Fact]
    public void A_local_time_in_the_spring_gap_is_read_as_summer_time()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        // 2024-03-31 02:30 does not exist in Paris: it is read as 03:30 CEST = 01:30Z.
        Assert.Equal(new DateTimeOffset(2024, 3, 31, 1, 30, 0, TimeSpan.Zero), HeureLocale.VersInstant(new DateTime(2024, 3, 31, 2, 30, 0), paris));
    }

    [Fact]
    public void A_local_time_that_happens_twice_in_autumn_is_its_first_occurrence()
    {
        var paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        Assert.Equal(new DateTimeOffset(2023, 10, 29, 0, 30, 0, TimeSpan.Zero), HeureLocale.VersInstant(new DateTime(2023, 10, 29, 2, 30, 0), paris));
    }
}
