using Examens.Core.Rappels;
using Microsoft.Extensions.Configuration;

namespace Examens.Core.Tests.Rappels;

public sealed class EnvoyerRappelsTests
{
    private static readonly DateTimeOffset Cloture = new(2023, 12, 15, 16, 0, 0, TimeSpan.Zero);

    private static readonly IReadOnlyList<TimeSpan> Delais = OptionsRappels.DelaisParDefaut;

    [Theory]
    [InlineData(-30 * 24.0, null)]        // a month before: nothing yet
    [InlineData(-7 * 24.0 - 0.01, null)]
    [InlineData(-7 * 24.0, 7 * 24.0)]     // the 7-day reminder is due from exactly 7 days before
    [InlineData(-3 * 24.0, 7 * 24.0)]
    [InlineData(-2 * 24.0 - 0.01, 7 * 24.0)]
    [InlineData(-2 * 24.0, 2 * 24.0)]     // from 2 days before, only the 2-day one: the 7-day one is never sent late
    [InlineData(-24.0, 2 * 24.0)]
    [InlineData(-6.0, 6.0)]
    [InlineData(-0.01, 6.0)]
    [InlineData(0.0, null)]               // at the close: too late for any reminder
    [InlineData(5.0, null)]
    public void A_pass_sends_only_the_reminder_of_the_slot_it_falls_in(double heuresAvant, double? delaiHeures)
    {
        var maintenant = Cloture + TimeSpan.FromHours(heuresAvant);
        Assert.Equal(delaiHeures is { } h ? TimeSpan.FromHours(h) : null, EnvoyerRappels.Creneau(Delais, Cloture, maintenant));
    }

    [Fact]
    public void The_delays_are_settings_sorted_longest_first()
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Delais:0"] = "06:00:00",
            ["Delais:1"] = "3.00:00:00",
            ["AdressePortail"] = "https://examens.exemple.fr/",
        }).Build();
        var options = OptionsRappels.Lire(section);
        Assert.Equal([TimeSpan.FromDays(3), TimeSpan.FromHours(6)], options.DelaisTries);
        Assert.Equal("https://examens.exemple.fr", options.AdressePortail);
        Assert.Equal([TimeSpan.FromDays(7), TimeSpan.FromDays(2), TimeSpan.FromHours(6)], OptionsRappels.Lire(new ConfigurationBuilder().Build()).DelaisTries);
    }

    [Theory]
    [InlineData("Delais:0", "00:00:00", "entre une minute et 90 jours")]
    [InlineData("AdressePortail", "examens.exemple.fr", "adresse publique du portail")]
    public void A_bad_setting_stops_the_start_with_a_french_message(string cle, string valeur, string message)
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [cle] = valeur }).Build();
        var e = Assert.Throws<InvalidOperationException>(() => OptionsRappels.Lire(section));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10080, "7 jours avant l'échéance")]
    [InlineData(1440, "1 jour avant l'échéance")]
    [InlineData(360, "6 heures avant l'échéance")]
    [InlineData(90, "90 minutes avant l'échéance")]
    public void A_delay_reads_in_french(int minutes, string libelle) => Assert.Equal(libelle, RappelEnvoye.LibelleDelai(minutes));
}
