using System.Net;
using Examens.Core.Idempotence;
using Examens.Core.Persistance;
using Examens.Web.Infrastructure;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PdfSharp.Pdf;

namespace Examens.Web.Tests.Infrastructure.Idempotence;

/// <summary>Issue 7 item 1: a double click, a retry or a second tab gives one effect, and the candidate sees which.</summary>
public sealed class FiltreIdempotenceTests
{
    private static T Lire<T>(UsineExamens usine, Func<ExamensDbContext, T> requete)
    {
        using var portee = usine.Services.CreateScope();
        return requete(portee.ServiceProvider.GetRequiredService<ExamensDbContext>());
    }

    private static Guid IdDe(string inscription) => Guid.Parse(inscription.Split('/').Last());

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Every_post_form_carries_its_own_idempotency_key(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "cles@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        var cles = new List<string>();
        foreach (var page in new[] { "/candidat", $"{inscription}/identite", $"{inscription}/situation", $"{inscription}/examen", $"{inscription}/notes", $"{inscription}/dispenses", $"{inscription}/pieces", $"{inscription}/recapitulatif", "/candidat/identite/correction" })
        {
            await client.GetAsync(page);
            var formulaires = System.Text.RegularExpressions.Regex.Matches(client.DernierePage, "<form[^>]*method=\"post\"[^>]*>.*?</form>", System.Text.RegularExpressions.RegexOptions.Singleline);
            Assert.All(formulaires, f => Assert.Contains("name=\"__Idempotence\"", f.Value, StringComparison.Ordinal));
            cles.AddRange(formulaires.Select(f => ClientPortail.ChampsCaches(f.Value).Single(c => c.Key == "__Idempotence").Value));
        }

        Assert.NotEmpty(cles);
        Assert.Equal(cles.Count, cles.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_double_click_on_submit_makes_one_version_and_the_second_answer_says_which(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "double-clic@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.GetAsync($"{inscription}/recapitulatif");
        var page = client.DernierePage;
        var cible = $"{inscription}/recapitulatif?handler=Soumettre";

        // Both clicks at once (same form, same key), then a retry of the same post after a "timeout".
        var reponses = await Task.WhenAll(
            client.PosterDepuisAsync(page, $"{inscription}/recapitulatif", cible, []),
            client.PosterDepuisAsync(page, $"{inscription}/recapitulatif", cible, []));
        Assert.All(reponses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        await client.PosterDepuisAsync(page, $"{inscription}/recapitulatif", cible, []);

        Assert.Contains("Déjà enregistrée : version n° 1 du mercredi 15 novembre 2023 à 16:00:00", client.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Version <strong>1</strong>", client.DernierePage, StringComparison.Ordinal);
        Assert.Equal(1, Lire(usine, db => db.VersionsInscription.Count(v => v.InscriptionId == IdDe(inscription))));
        await usine.EnvoyerCourrielsAsync();
        Assert.Single(usine.Courriels(), m => (m.Subject ?? "").StartsWith("Modification d'inscription", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_same_submission_from_two_tabs_makes_one_version(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "deux-onglets@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.GetAsync($"{inscription}/recapitulatif");
        var onglet1 = client.DernierePage;
        await client.GetAsync($"{inscription}/recapitulatif");
        var onglet2 = client.DernierePage;
        var cible = $"{inscription}/recapitulatif?handler=Soumettre";

        await client.PosterDepuisAsync(onglet1, $"{inscription}/recapitulatif", cible, []);
        Assert.Contains("Inscription soumise", client.DernierePage, StringComparison.Ordinal);
        await client.PosterDepuisAsync(onglet2, $"{inscription}/recapitulatif", cible, []);

        // Another key, the same content: the content hash (P22) gives the same version back.
        Assert.Contains("Déjà enregistrée : version n° 1", client.DernierePage, StringComparison.Ordinal);
        Assert.Equal(1, Lire(usine, db => db.VersionsInscription.Count(v => v.InscriptionId == IdDe(inscription))));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_draft_step_posted_twice_saves_once_instead_of_reporting_a_false_conflict(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "brouillon-double@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await client.GetAsync($"{inscription}/situation");
        var page = client.DernierePage;
        KeyValuePair<string, string>[] champs = [new("Saisie.Statut", "EnseignementADistance"), new("aller", "situation")];
        await client.PosterDepuisAsync(page, $"{inscription}/situation", $"{inscription}/situation", champs);
        var revision = Lire(usine, db => db.Inscriptions.Single(i => i.Id == IdDe(inscription)).Revision);

        await client.PosterDepuisAsync(page, $"{inscription}/situation", $"{inscription}/situation", champs);

        Assert.Contains("Déjà enregistré", client.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("modifiée entre-temps", client.DernierePage, StringComparison.Ordinal);
        Assert.Equal(revision, Lire(usine, db => db.Inscriptions.Single(i => i.Id == IdDe(inscription)).Revision));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_upload_sent_twice_with_the_same_key_is_recorded_once(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "depot-double@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.GetAsync($"{inscription}/pieces");
        var jeton = ClientPortail.Jeton(client.DernierePage);
        var cle = ClientPortail.CleDepot(client.DernierePage, "D2");
        using var document = new PdfDocument();
        document.AddPage();
        using var flux = new MemoryStream();
        document.Save(flux);

        await Task.WhenAll(
            client.DeposerAvecCleAsync($"{inscription}/pieces", jeton, "D2", flux.ToArray(), "carte.pdf", cle),
            client.DeposerAvecCleAsync($"{inscription}/pieces", jeton, "D2", flux.ToArray(), "carte.pdf", cle));

        Assert.Equal(1, Lire(usine, db => db.PiecesDeposees.Count(p => p.InscriptionId == IdDe(inscription))));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task P22_two_tabs_editing_the_same_step_the_second_save_is_refused_in_french_and_its_input_is_shown_back(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "onglets@exemple.fr");
        var inscription = await Parcours.CommencerAsync(usine, client);
        await Parcours.RemplirAsync(client, inscription);
        await client.GetAsync($"{inscription}/identite");
        var ongletA = client.DernierePage;
        await client.GetAsync($"{inscription}/identite");
        var ongletB = client.DernierePage;
        KeyValuePair<string, string>[] Identite(string nom, string adresse) =>
        [
            new("Saisie.Nom", nom), new("Saisie.Prenoms", "Élodie Marie"), new("Saisie.DateNaissance", "29/02/2000"),
            new("Saisie.LieuNaissance", "Fort-de-France"), new("Saisie.Adresse", adresse), new("Saisie.CodePostal", "75005"),
            new("Saisie.Ville", "Paris"), new("Saisie.Pays", "France"), new("aller", "identite"),
        ];

        await client.PosterDepuisAsync(ongletA, $"{inscription}/identite", $"{inscription}/identite", Identite("Lefèvre", "1 place A"));
        Assert.Contains("Brouillon enregistré", client.DernierePage, StringComparison.Ordinal);
        var reponse = await client.PosterDepuisAsync(ongletB, $"{inscription}/identite", $"{inscription}/identite", Identite("Martin", "2 avenue B"));

        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Votre inscription a été modifiée entre-temps", client.DernierePage, StringComparison.Ordinal);
        Assert.Contains("2 avenue B", client.DernierePage, StringComparison.Ordinal); // tab B's input, to re-apply
        Assert.Contains("value=\"Martin\"", client.DernierePage, StringComparison.Ordinal);
        var (nom, brouillon) = Lire(usine, db =>
        {
            var i = db.Inscriptions.Single(x => x.Id == IdDe(inscription));
            return (db.Users.Single(u => u.Id == i.CandidatId).Nom, i.Brouillon);
        });
        Assert.Equal("Lefèvre", nom); // tab A's save stands whole: neither its name nor its address was overwritten
        Assert.Contains("1 place A", brouillon, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Keys_are_forgotten_by_the_background_pass_after_a_day(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        usine.Reglages["Examens:TachesDeFond"] = "false";
        var client = await Parcours.CandidatConnecteAsync(usine, "purge@exemple.fr");
        await Parcours.CommencerAsync(usine, client);
        Assert.Equal(1, Lire(usine, db => db.ClesIdempotence.Count()));

        usine.Horloge.Advance(RegistreIdempotence.Conservation - TimeSpan.FromMinutes(1));
        await usine.Services.GetRequiredService<TachesDeFond>().ExecuterUneFoisAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, Lire(usine, db => db.ClesIdempotence.Count()));
        usine.Horloge.Advance(TimeSpan.FromMinutes(2));
        await usine.Services.GetRequiredService<TachesDeFond>().ExecuterUneFoisAsync(TestContext.Current.CancellationToken);
        Assert.Equal(0, Lire(usine, db => db.ClesIdempotence.Count()));
    }
}
