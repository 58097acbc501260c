using Examens.Core.Courriels;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Examens.Core.Tests.Courriels;

public sealed class EnvoiCourrielSmtpTests
{
    [Fact]
    public async Task A_message_reaches_the_smtp_server_with_its_envelope_subject_and_french_text()
    {
        using var borne = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        borne.CancelAfter(TimeSpan.FromSeconds(30)); // a safety bound should the exchange hang, not a wait
        using var serveur = new ServeurSmtpDeTest();
        var reception = serveur.RecevoirUnMessageAsync(borne.Token);
        var horloge = new FakeTimeProvider(new DateTimeOffset(2025, 3, 10, 9, 30, 0, TimeSpan.Zero));
        var envoi = new EnvoiCourrielSmtp(new OptionsCourriel { SmtpHote = "127.0.0.1", SmtpPort = serveur.Port, SmtpSecurite = "none" }, horloge);

        await envoi.EnvoyerAsync(new Courriel("camille.dupont@exemple.fr", "Votre inscription à l'examen", "Dossier reçu : épreuve E4 déjà prévue."), borne.Token);
        var recu = await reception;

        Assert.Equal("ne-pas-repondre@examens.invalid", recu.De);
        Assert.Equal(["camille.dupont@exemple.fr"], recu.Pour);
        using var brut = new MemoryStream(recu.Donnees);
        var message = await MimeMessage.LoadAsync(brut, borne.Token);
        Assert.Equal("Votre inscription à l'examen", message.Subject);
        Assert.Equal("Dossier reçu : épreuve E4 déjà prévue.", message.TextBody?.TrimEnd());
        Assert.Equal(horloge.GetUtcNow(), message.Date);
    }

    [Fact]
    public void An_unknown_security_mode_is_refused_in_french()
    {
        var erreur = Assert.Throws<InvalidOperationException>(() =>
            new EnvoiCourrielSmtp(new OptionsCourriel { SmtpHote = "smtp.exemple.fr", SmtpSecurite = "tls" }, TimeProvider.System));
        Assert.Equal("Configuration des courriels : SmtpSecurite vaut « tls », valeurs possibles : auto, none, starttls, ssl.", erreur.Message);
    }
}
