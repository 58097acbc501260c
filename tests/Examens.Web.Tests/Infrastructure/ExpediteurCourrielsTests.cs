using Examens.Core.Courriels;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Infrastructure;

/// <summary>
/// The submission's confirmation goes through the outbox: written with the version in one transaction, sent by the
/// background pass, exactly once, and still sent when the node that should have sent it died or the mail server was
/// down. The background work is off: each test runs the pass itself, at a chosen instant of the fake clock.
/// </summary>
public sealed class ExpediteurCourrielsTests
{
    private const string Objet = "Modification d'inscription";

    /// <summary>The real folder sender, which fails while <see cref="EnPanne"/> is set (a mail server down).</summary>
    private sealed class EnvoiEnPanne(UsineExamens usine) : IEnvoiCourriel
    {
        public bool EnPanne { get; set; }

        public Task EnvoyerAsync(Courriel courriel, CancellationToken annulation) => EnPanne
            ? throw new IOException("serveur de courriel injoignable")
            : new EnvoiCourrielDossier(usine.DossierCourriels, new OptionsCourriel(), usine.Horloge).EnvoyerAsync(courriel, annulation);
    }

    private static T Lire<T>(UsineExamens usine, Func<ExamensDbContext, T> lire)
    {
        using var portee = usine.Services.CreateScope();
        return lire(portee.ServiceProvider.GetRequiredService<ExamensDbContext>());
    }

    private static int Confirmations(UsineExamens usine, string courriel) =>
        usine.Courriels().Count(m => (m.Subject ?? "").StartsWith(Objet, StringComparison.Ordinal) && m.To.Mailboxes.Any(b => b.Address == courriel));

    private static async Task<string> SoumettreAsync(UsineExamens usine, string courriel)
    {
        var client = await Parcours.CandidatConnecteAsync(usine, courriel);
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        Assert.Contains("Version <strong>1</strong>", client.DernierePage, StringComparison.Ordinal);
        return inscription;
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_submission_writes_its_email_to_the_outbox_and_the_pass_sends_it_once(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:TachesDeFond"] = "false";
        await SoumettreAsync(usine, "boite@exemple.fr");

        // The receipt is given before any mail leaves: the e-mail waits in the outbox, saved with the version.
        var enAttente = Lire(usine, db => db.CourrielsEnAttente.AsNoTracking().ToList());
        var ligne = Assert.Single(enAttente);
        Assert.Equal("boite@exemple.fr", ligne.Destinataire);
        Assert.StartsWith(Objet, ligne.Objet, StringComparison.Ordinal);
        Assert.Equal(0, Confirmations(usine, "boite@exemple.fr"));

        Assert.Equal(1, await usine.EnvoyerCourrielsAsync());
        Assert.Equal(0, await usine.EnvoyerCourrielsAsync());

        Assert.Equal(1, Confirmations(usine, "boite@exemple.fr"));
        Assert.Contains("Version : 1", usine.DernierCourrielPour("boite@exemple.fr").TextBody, StringComparison.Ordinal);
        Assert.Equal(0, Lire(usine, db => db.CourrielsEnAttente.Count()));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_email_claimed_by_a_node_that_died_is_sent_once_its_claim_expires(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:TachesDeFond"] = "false";
        await SoumettreAsync(usine, "crash@exemple.fr");
        // Another node claimed it and was killed before sending (or before its pass even started).
        var claim = (usine.Horloge.GetUtcNow() + EnvoyerCourrielsEnAttente.Reservation).UtcDateTime;
        Lire(usine, db => db.CourrielsEnAttente.ExecuteUpdate(s => s.SetProperty(c => c.Detenteur, "noeud-mort").SetProperty(c => c.ReserveJusquAUtc, claim)));

        Assert.Equal(0, await usine.EnvoyerCourrielsAsync());
        Assert.Equal(0, Confirmations(usine, "crash@exemple.fr"));

        usine.Horloge.Advance(EnvoyerCourrielsEnAttente.Reservation);
        Assert.Equal(1, await usine.EnvoyerCourrielsAsync());
        Assert.Equal(0, await usine.EnvoyerCourrielsAsync());
        Assert.Equal(1, Confirmations(usine, "crash@exemple.fr"));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_email_the_mail_server_refused_is_kept_and_sent_at_a_later_pass(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:TachesDeFond"] = "false";
        var envoi = new EnvoiEnPanne(usine);
        usine.Remplacements = s => s.AddSingleton<IEnvoiCourriel>(envoi);
        await SoumettreAsync(usine, "panne@exemple.fr");

        envoi.EnPanne = true;
        Assert.Equal(0, await usine.EnvoyerCourrielsAsync());
        var ligne = Lire(usine, db => db.CourrielsEnAttente.AsNoTracking().Single());
        Assert.Equal(1, ligne.Essais);
        Assert.Equal("IOException, statut SMTP -", ligne.DerniereErreur);
        Assert.Null(ligne.ReserveJusquAUtc);

        // The server is back, but the retry waits for its delay.
        envoi.EnPanne = false;
        Assert.Equal(0, await usine.EnvoyerCourrielsAsync());
        usine.Horloge.Advance(EnvoyerCourrielsEnAttente.Delai(1));
        Assert.Equal(1, await usine.EnvoyerCourrielsAsync());
        Assert.Equal(1, Confirmations(usine, "panne@exemple.fr"));
        Assert.Equal(0, Lire(usine, db => db.CourrielsEnAttente.Count()));
    }

    /// <summary>The folder sender, which stops the pass once (as a node being shut down) after <paramref name="avantArret"/> e-mails.</summary>
    private sealed class EnvoiInterrompu(UsineExamens usine, int avantArret, CancellationTokenSource arret) : IEnvoiCourriel
    {
        private int _envoyes;

        public async Task EnvoyerAsync(Courriel courriel, CancellationToken annulation)
        {
            if (Interlocked.Increment(ref _envoyes) == avantArret + 1)
            {
                await arret.CancelAsync();
                annulation.ThrowIfCancellationRequested();
            }

            await new EnvoiCourrielDossier(usine.DossierCourriels, new OptionsCourriel(), usine.Horloge).EnvoyerAsync(courriel, annulation);
        }
    }

    private static void MettreEnAttente(UsineExamens usine, int nombre)
    {
        var maintenant = usine.Horloge.GetUtcNow().UtcDateTime;
        Lire(usine, db =>
        {
            db.CourrielsEnAttente.AddRange(Enumerable.Range(1, nombre).Select(i => new CourrielEnAttente
            {
                Destinataire = $"lot{i}@exemple.fr",
                Objet = $"{Objet} – lot {i}",
                Texte = "Bonjour",
                CreeLeUtc = maintenant,
                ProchainEssaiUtc = maintenant,
            }));
            return db.SaveChanges();
        });
    }

    private static List<string> Destinataires(UsineExamens usine) =>
        [.. usine.Courriels().SelectMany(m => m.To.Mailboxes).Select(b => b.Address).Where(a => a.StartsWith("lot", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Two_nodes_passes_running_at_once_send_each_waiting_email_once(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:TachesDeFond"] = "false";
        MettreEnAttente(usine, 3 * EnvoyerCourrielsEnAttente.SuppressionsGroupees + 5);

        // Each pass claims its lot in one statement: two at once split the outbox between them, never share a row.
        async Task<int> PasseAsync(string noeud)
        {
            using var portee = usine.Services.CreateScope();
            return await portee.ServiceProvider.GetRequiredService<EnvoyerCourrielsEnAttente>().ExecuterAsync(noeud, TestContext.Current.CancellationToken);
        }

        var envoyes = await Task.WhenAll(PasseAsync("noeud-a"), PasseAsync("noeud-b"));

        var destinataires = Destinataires(usine);
        Assert.Equal(3 * EnvoyerCourrielsEnAttente.SuppressionsGroupees + 5, envoyes.Sum());
        Assert.Equal(envoyes.Sum(), destinataires.Count);
        Assert.Equal(destinataires.Count, destinataires.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(0, Lire(usine, db => db.CourrielsEnAttente.Count()));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_pass_stopped_in_the_middle_of_its_lot_keeps_what_it_sent_and_the_rest_leaves_once_the_claim_expires(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:TachesDeFond"] = "false";
        var total = 2 * EnvoyerCourrielsEnAttente.SuppressionsGroupees + 5;
        var avantArret = EnvoyerCourrielsEnAttente.SuppressionsGroupees + 5; // one whole group and part of the next
        using var arret = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var envoi = new EnvoiInterrompu(usine, avantArret, arret);
        usine.Remplacements = s => s.AddSingleton<IEnvoiCourriel>(envoi);
        MettreEnAttente(usine, total);

        using (var portee = usine.Services.CreateScope())
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                portee.ServiceProvider.GetRequiredService<EnvoyerCourrielsEnAttente>().ExecuterAsync("noeud-arrete", arret.Token));
        }

        // What left is no longer waiting (not sent twice); the rest is still claimed by the stopped pass.
        Assert.Equal(avantArret, Destinataires(usine).Count);
        Assert.Equal(total - avantArret, Lire(usine, db => db.CourrielsEnAttente.Count()));
        Assert.Equal(0, await usine.EnvoyerCourrielsAsync());

        usine.Horloge.Advance(EnvoyerCourrielsEnAttente.Reservation);
        Assert.Equal(total - avantArret, await usine.EnvoyerCourrielsAsync());
        var destinataires = Destinataires(usine);
        Assert.Equal(total, destinataires.Count);
        Assert.Equal(total, destinataires.Distinct(StringComparer.Ordinal).Count());
    }
}
