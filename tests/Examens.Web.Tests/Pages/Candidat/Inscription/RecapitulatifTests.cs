using System.Diagnostics.Metrics;
using System.Net;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace Examens.Web.Tests.Pages.Candidat.Inscription;

public sealed class RecapitulatifTests
{
    private static int Versions(UsineExamens usine, string inscription)
    {
        using var portee = usine.Services.CreateScope();
        var id = Guid.Parse(inscription.Split('/').Last());
        return portee.ServiceProvider.GetRequiredService<ExamensDbContext>().VersionsInscription.Count(v => v.InscriptionId == id);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task P22_submitting_creates_version_1_sends_the_mail_and_gives_the_receipt_at_once(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "elodie@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        usine.Horloge.SetUtcNow(new DateTimeOffset(2023, 11, 15, 15, 59, 59, TimeSpan.Zero)); // 16:59:59 Paris

        var reponse = await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Inscription soumise", client.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Version <strong>1</strong>", client.DernierePage, StringComparison.Ordinal);
        Assert.Contains("mercredi 15 novembre 2023 à 16:59:59", client.DernierePage, StringComparison.Ordinal);
        Assert.Matches("<code class=\"empreinte\">[0-9a-f]{64}</code>", client.DernierePage);
        // Sent by the outbox's pass; the background reminders may write to the same person at the same moment.
        await usine.EnvoyerCourrielsAsync();
        var courriel = Assert.Single(usine.Courriels(),
            m => m.To.Mailboxes.Any(b => b.Address == "elodie@exemple.fr") && (m.Subject ?? "").StartsWith("Modification d'inscription", StringComparison.Ordinal));
        Assert.Contains("Version : 1", courriel.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, Versions(usine, inscription));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_second_submit_of_the_same_content_gives_the_same_version_not_a_new_one(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "double@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        Assert.Contains("Rien n'a changé depuis votre dernière soumission", client.DernierePage, StringComparison.Ordinal);
        Assert.Equal(1, Versions(usine, inscription));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task P22_the_same_content_submitted_from_a_second_tab_says_already_recorded_without_a_new_version(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "onglets@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        var page = $"{inscription}/recapitulatif";
        var cible = $"{page}?handler=Soumettre";
        await client.GetAsync(page);
        var premierOnglet = client.DernierePage;
        await client.GetAsync(page);
        var secondOnglet = client.DernierePage;

        await client.PosterDepuisAsync(premierOnglet, page, cible, []);
        Assert.Contains("Inscription soumise", client.DernierePage, StringComparison.Ordinal);
        var reponse = await client.PosterDepuisAsync(secondOnglet, page, cible, []);

        // Each tab has its own idempotency key: the second submission reaches the use case, which finds the same content.
        Assert.Contains("Déjà enregistrée : version n° 1", client.DernierePage, StringComparison.Ordinal);
        Assert.Contains("deja=true", reponse.RequestMessage!.RequestUri!.Query, StringComparison.Ordinal);
        Assert.Equal(1, Versions(usine, inscription));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task P22_changing_a_choice_and_submitting_again_makes_version_2(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "change@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        await client.SoumettreAsync($"{inscription}/examen",
            [new("Saisie.SpecialiteOption", "MS|B"), new("Saisie.Forme", "Globale"), new("Saisie.ConfirmeForme", "true"), new("Saisie.LangueObligatoire", "anglais"), new("aller", "recapitulatif")]);
        Assert.Contains("soumettez-la à nouveau", client.DernierePage, StringComparison.Ordinal);
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        Assert.Contains("Version <strong>2</strong>", client.DernierePage, StringComparison.Ordinal);
        Assert.Equal(2, Versions(usine, inscription));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task P12_a_page_opened_before_17_00_and_posted_at_17_00_00_is_refused_and_nothing_is_stored(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "tard@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        usine.Horloge.SetUtcNow(new DateTimeOffset(2023, 11, 15, 15, 59, 59, TimeSpan.Zero));
        await client.GetAsync($"{inscription}/recapitulatif");
        var jeton = ClientPortail.Jeton(client.DernierePage);
        usine.Horloge.SetUtcNow(new DateTimeOffset(2023, 11, 15, 16, 0, 0, TimeSpan.Zero)); // 17:00:00 Paris

        using var contenu = new FormUrlEncodedContent([new("__RequestVerificationToken", jeton), .. ClientPortail.ChampsCaches(client.DernierePage).Where(c => c.Key != "__RequestVerificationToken")]);
        var reponse = await client.Http.PostAsync(new Uri($"{inscription}/recapitulatif?handler=Soumettre", UriKind.Relative), contenu, TestContext.Current.CancellationToken);
        var page = await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);

        Assert.Contains("Les inscriptions sont closes depuis le mercredi 15 novembre 2023 à 17:00:00", page, StringComparison.Ordinal);
        Assert.Equal(0, Versions(usine, inscription));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task P22_after_the_close_the_draft_is_read_only(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "lecture@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        usine.Horloge.SetUtcNow(new DateTimeOffset(2023, 11, 15, 16, 0, 0, TimeSpan.Zero));
        await client.SoumettreAsync($"{inscription}/situation", [new("Saisie.Statut", "Apprenti"), new("aller", "situation")]);
        Assert.Contains("sont closes", client.DernierePage, StringComparison.Ordinal);
        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var id = Guid.Parse(inscription.Split('/').Last());
        Assert.DoesNotContain("\"statut\":\"Apprenti\"", (await db.Inscriptions.SingleAsync(i => i.Id == id, TestContext.Current.CancellationToken)).Brouillon, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Another_candidate_finds_nothing_at_this_registration(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var proprietaire = await Parcours.CandidatConnecteAsync(usine, "proprio@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, proprietaire);
        await Parcours.RemplirAsync(proprietaire, inscription);
        var intrus = await Parcours.CandidatConnecteAsync(usine, "intrus@exemple.fr");
        foreach (var page in new[] { "identite", "situation", "examen", "notes", "dispenses", "recapitulatif", "pieces", "versions", "confirmation" })
        {
            var reponse = await intrus.GetAsync($"{inscription}/{page}");
            Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
            Assert.DoesNotContain("Lefèvre", intrus.DernierePage, StringComparison.Ordinal);
        }
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Without_signing_in_the_pages_send_to_the_sign_in_page(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var anonyme = new ClientPortail(usine.CreateClient());
        var reponse = await anonyme.GetAsync($"/candidat/inscriptions/{Guid.NewGuid()}/recapitulatif");
        Assert.Equal("/compte/connexion", reponse.RequestMessage!.RequestUri!.AbsolutePath);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task R11_the_form_is_not_confirmed_until_the_second_explicit_confirmation(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "forme@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await client.SoumettreAsync($"{inscription}/examen",
            [new("Saisie.SpecialiteOption", "MS|A"), new("Saisie.Forme", "Progressive"), new("Saisie.ConfirmeForme", "true"), new("Saisie.LangueObligatoire", "anglais"), new("aller", "recapitulatif")]);
        // A confirmation ticked before the candidate saw what the choice costs does not count.
        Assert.Contains("Confirmez le choix de la forme de passage : il est définitif.", client.DernierePage, StringComparison.Ordinal);
        await client.GetAsync($"{inscription}/examen");
        Assert.Contains("Vous ne pourrez plus revenir à la forme globale.", client.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task P22_the_candidate_withdraws_until_the_close_and_can_submit_again(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "retrait@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Retirer", depuis: $"{inscription}/recapitulatif");
        Assert.Contains("Cochez la case pour confirmer le retrait", client.DernierePage, StringComparison.Ordinal);
        // One message for the box left unticked (before: "The confirmeRetrait field is required." too).
        Assert.Contains("Une erreur empêche d'enregistrer", client.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("field is required", client.DernierePage, StringComparison.Ordinal);
        await client.SoumettreAsync($"{inscription}/recapitulatif", [new("confirmeRetrait", "true")], "Retirer");
        Assert.Contains("Inscription retirée", client.DernierePage, StringComparison.Ordinal);
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        Assert.Contains("Version <strong>2</strong>", client.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task P12_an_extension_after_an_incident_takes_effect_without_a_restart_and_is_in_the_trail(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "prolonge@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.GetAsync($"{inscription}/recapitulatif");
        var pageOuverte = client.DernierePage;
        usine.Horloge.SetUtcNow(new DateTimeOffset(2023, 11, 15, 16, 30, 0, TimeSpan.Zero)); // 17:30 Paris: closed
        await client.PosterDepuisAsync(pageOuverte, $"{inscription}/recapitulatif", $"{inscription}/recapitulatif?handler=Soumettre", []);
        Assert.Contains("sont closes", client.DernierePage, StringComparison.Ordinal);

        using (var portee = usine.Services.CreateScope())
        {
            var prolonger = portee.ServiceProvider.GetRequiredService<Examens.Core.Sessions.ProlongerFenetre>();
            var r = await prolonger.ExecuterAsync(2024, "SIEC", new DateTime(2023, 11, 15, 19, 0, 0), "Panne du service de 16 h 10 à 16 h 55", "operateur", null, TestContext.Current.CancellationToken);
            Assert.True(r.Reussi);
        }

        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        Assert.Contains("Version <strong>1</strong>", client.DernierePage, StringComparison.Ordinal);
        using var p2 = usine.Services.CreateScope();
        // The candidate's own actions are in the trail too (issue 5); the extension is the one entry about the academy.
        var entree = Assert.Single(p2.ServiceProvider.GetRequiredService<ExamensDbContext>().Journal.Where(e => e.Cible.StartsWith("academie:")));
        Assert.Equal(("fenetre.cloture.modifiee", "2023-11-15T17:00:00", "2023-11-15T19:00:00"), (entree.Action, entree.Avant, entree.Apres));
        Assert.Equal("Panne du service de 16 h 10 à 16 h 55", entree.Motif);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Submissions_are_counted_by_outcome_and_timed(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var fabrique = usine.Services.GetRequiredService<IMeterFactory>();
        using var soumissions = new MetricCollector<long>(fabrique, "Examens", "examens.soumissions");
        using var durees = new MetricCollector<double>(fabrique, "Examens", "examens.soumission.duree");
        var client = await Parcours.CandidatConnecteAsync(usine, "mesures@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        usine.Horloge.SetUtcNow(new DateTimeOffset(2023, 11, 15, 15, 59, 59, TimeSpan.Zero));

        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        await client.SoumettreAsync($"{inscription}/recapitulatif", [], "Soumettre");
        await client.GetAsync($"{inscription}/recapitulatif");
        usine.Horloge.SetUtcNow(new DateTimeOffset(2023, 11, 15, 16, 0, 0, TimeSpan.Zero)); // 17:00:00 Paris: too late
        using var contenu = new FormUrlEncodedContent([.. ClientPortail.ChampsCaches(ClientPortail.Formulaire(client.DernierePage, $"{inscription}/recapitulatif", $"{inscription}/recapitulatif?handler=Soumettre"))]);
        await client.Http.PostAsync(new Uri($"{inscription}/recapitulatif?handler=Soumettre", UriKind.Relative), contenu, TestContext.Current.CancellationToken);

        Assert.Equal(["nouvelle_version", "deja_soumise", "refusee"], soumissions.GetMeasurementSnapshot().Select(m => (string?)m.Tags["resultat"]));
        Assert.All(soumissions.GetMeasurementSnapshot(), m => Assert.Equal(1, m.Value));
        Assert.Equal(["nouvelle_version", "deja_soumise", "refusee"], durees.GetMeasurementSnapshot().Select(m => (string?)m.Tags["resultat"]));
    }
}
