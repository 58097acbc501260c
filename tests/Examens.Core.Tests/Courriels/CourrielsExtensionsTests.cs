using Examens.Core.Courriels;
using Examens.Core.Tests.Outils;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Core.Tests.Courriels;

public sealed class CourrielsExtensionsTests : IDisposable
{
    private readonly DossierTemporaire _dossier = new();

    public void Dispose() => _dossier.Dispose();

    private static ServiceProvider Services(Dictionary<string, string?> reglages, string dossierParDefaut)
    {
        var section = new ConfigurationBuilder().AddInMemoryCollection(reglages).Build().GetSection("Courriels");
        return new ServiceCollection().AddCourriels(section, dossierParDefaut).BuildServiceProvider();
    }

    [Fact]
    public void Without_an_smtp_host_mail_goes_to_the_default_folder_which_is_created_and_exposed()
    {
        var parDefaut = Path.Combine(_dossier.Chemin, "donnees", "courriels");
        using var services = Services([], parDefaut);

        Assert.IsType<EnvoiCourrielDossier>(services.GetRequiredService<IEnvoiCourriel>());
        var destination = services.GetRequiredService<DestinationCourriels>();
        Assert.Equal(new DestinationCourriels(parDefaut, null), destination);
        Assert.True(Directory.Exists(parDefaut));
        Assert.Equal($"Courriels : aucun serveur SMTP configuré, les messages sont écrits dans {parDefaut}", destination.Description);
    }

    [Fact]
    public void A_configured_folder_wins_over_the_default()
    {
        var choisi = Path.Combine(_dossier.Chemin, "boite");
        using var services = Services(new() { ["Courriels:Dossier"] = choisi }, Path.Combine(_dossier.Chemin, "defaut"));

        Assert.Equal(choisi, services.GetRequiredService<DestinationCourriels>().Dossier);
        Assert.True(Directory.Exists(choisi));
        Assert.False(Directory.Exists(Path.Combine(_dossier.Chemin, "defaut")));
    }

    [Fact]
    public void With_an_smtp_host_mail_goes_by_smtp_and_no_folder_is_created()
    {
        var parDefaut = Path.Combine(_dossier.Chemin, "courriels");
        using var services = Services(new()
        {
            ["Courriels:SmtpHote"] = "smtp.exemple.fr",
            ["Courriels:SmtpPort"] = "587",
            ["Courriels:SmtpSecurite"] = "starttls",
            ["Courriels:Utilisateur"] = "examens",
            ["Courriels:MotDePasse"] = "secret",
        }, parDefaut);

        Assert.IsType<EnvoiCourrielSmtp>(services.GetRequiredService<IEnvoiCourriel>());
        Assert.Equal(new DestinationCourriels(null, "smtp.exemple.fr:587"), services.GetRequiredService<DestinationCourriels>());
        Assert.False(Directory.Exists(parDefaut));
    }

    [Theory]
    [InlineData("SmtpSecurite", "tls", "SmtpSecurite vaut « tls »")]
    [InlineData("SmtpPort", "0", "SmtpPort vaut 0")]
    [InlineData("Utilisateur", "examens", "Utilisateur et MotDePasse se donnent ensemble")]
    public void A_bad_smtp_setting_fails_at_registration_in_french(string cle, string valeur, string attendu)
    {
        var erreur = Assert.Throws<InvalidOperationException>(() =>
            Services(new() { ["Courriels:SmtpHote"] = "smtp.exemple.fr", [$"Courriels:{cle}"] = valeur }, _dossier.Chemin));
        Assert.Contains(attendu, erreur.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_sender_fails_at_registration_even_without_smtp()
    {
        var erreur = Assert.Throws<InvalidOperationException>(() => Services(new() { ["Courriels:Expediteur"] = "sans arobase" }, _dossier.Chemin));
        Assert.Contains("l'expéditeur « sans arobase »", erreur.Message, StringComparison.Ordinal);
    }
}
