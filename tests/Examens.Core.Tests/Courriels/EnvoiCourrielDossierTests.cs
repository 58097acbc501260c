using Examens.Core.Courriels;
using Examens.Core.Tests.Outils;
using Microsoft.Extensions.Time.Testing;
using MimeKit;

namespace Examens.Core.Tests.Courriels;

public sealed class EnvoiCourrielDossierTests : IDisposable
{
    private readonly DossierTemporaire _dossier = new();
    private readonly FakeTimeProvider _horloge = new(new DateTimeOffset(2025, 3, 10, 9, 30, 5, 123, TimeSpan.Zero));
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    public void Dispose() => _dossier.Dispose();

    private string Boite => Path.Combine(_dossier.Chemin, "courriels");

    private EnvoiCourrielDossier Envoi(OptionsCourriel? options = null) => new(Boite, options ?? new OptionsCourriel(), _horloge);

    [Fact]
    public async Task A_message_is_written_as_an_eml_file_that_reads_back_with_its_accents()
    {
        await Envoi().EnvoyerAsync(new Courriel("Camille Dupont <camille.dupont@exemple.fr>", "Votre inscription à l'examen", "Dossier reçu : « épreuve E4 » déjà prévue, à bientôt."), _ct);

        var fichier = Assert.Single(Directory.GetFiles(Boite));
        Assert.Matches(@"^20250310-093005-123-[0-9]{8}-[0-9a-f]{8}\.eml$", Path.GetFileName(fichier));
        var message = await MimeMessage.LoadAsync(fichier, _ct);
        Assert.Equal("Votre inscription à l'examen", message.Subject);
        var destinataire = Assert.IsType<MailboxAddress>(Assert.Single(message.To));
        Assert.Equal("camille.dupont@exemple.fr", destinataire.Address);
        Assert.Equal("Camille Dupont", destinataire.Name);
        var expediteur = Assert.IsType<MailboxAddress>(Assert.Single(message.From));
        Assert.Equal(("Examens", "ne-pas-repondre@examens.invalid"), (expediteur.Name, expediteur.Address));
        Assert.Equal("Dossier reçu : « épreuve E4 » déjà prévue, à bientôt.", message.TextBody?.TrimEnd());
        Assert.Equal("utf-8", message.BodyParts.OfType<TextPart>().Single().ContentType.Charset);
        Assert.Equal(new DateTimeOffset(2025, 3, 10, 9, 30, 5, TimeSpan.Zero), message.Date); // the Date header has no milliseconds
    }

    [Fact]
    public async Task Two_messages_in_the_same_millisecond_make_two_files_in_sending_order_by_name_and_no_temporary_is_left()
    {
        var envoi = Envoi(new OptionsCourriel { Expediteur = "Rectorat <examens@exemple.fr>" });
        await envoi.EnvoyerAsync(new Courriel("a@exemple.fr", "Premier", "Un."), _ct);
        await envoi.EnvoyerAsync(new Courriel("b@exemple.fr", "Second", "Deux.", "<p>Deux, en <strong>HTML</strong>.</p>"), _ct);

        var fichiers = Directory.GetFiles(Boite);
        Assert.Equal(2, fichiers.Length);
        // The file system's times may be equal (its clock is coarse): the names alone give the sending order.
        Assert.Equal(["Premier", "Second"], fichiers.Order(StringComparer.Ordinal).Select(f => MimeMessage.Load(f).Subject));
        Assert.All(fichiers, f => Assert.EndsWith(".eml", f, StringComparison.Ordinal));
        var second = await MimeMessage.LoadAsync(fichiers.Single(f => MimeMessage.Load(f).Subject == "Second"), _ct);
        Assert.Equal("examens@exemple.fr", second.From.Mailboxes.Single().Address);
        Assert.Equal("<p>Deux, en <strong>HTML</strong>.</p>", second.HtmlBody?.TrimEnd());
        Assert.Equal("Deux.", second.TextBody?.TrimEnd());
    }

    [Fact]
    public async Task An_invalid_recipient_is_refused_in_french_and_writes_nothing()
    {
        var erreur = await Assert.ThrowsAsync<ArgumentException>(() => Envoi().EnvoyerAsync(new Courriel("pas une adresse", "Objet", "Texte"), _ct));

        Assert.StartsWith("L'adresse du destinataire « pas une adresse » n'est pas une adresse électronique valide.", erreur.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Boite) && Directory.EnumerateFileSystemEntries(Boite).Any());
    }

    [Fact]
    public void An_invalid_sender_is_refused_in_french()
    {
        var erreur = Assert.Throws<InvalidOperationException>(() => Envoi(new OptionsCourriel { Expediteur = "Examens" }));
        Assert.StartsWith("Configuration des courriels : l'expéditeur « Examens » n'est pas une adresse valide", erreur.Message, StringComparison.Ordinal);
    }
}
