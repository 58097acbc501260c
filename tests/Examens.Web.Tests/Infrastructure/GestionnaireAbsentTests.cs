using System.Net;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Infrastructure;

public sealed class GestionnaireAbsentTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_form_posted_to_a_page_that_only_shows_gets_a_french_405_and_nothing_runs(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var candidat = await Parcours.CandidatConnecteAsync(usine, "poste@exemple.fr");
        var chemin = await Parcours.CommencerAsync(usine, candidat);
        await Parcours.RemplirAsync(candidat, chemin);
        await candidat.GetAsync($"{chemin}/identite");
        var page = candidat.DernierePage;
        var avant = await JournalAsync(usine);

        // Before: the journal and the versions answered 500, the confirmation and convocation a blank page.
        foreach (var cible in new[] { "journal", "versions", "confirmation", "convocation", "pieces" })
        {
            var reponse = await candidat.PosterDepuisAsync($"<form method=\"post\" action=\"{chemin}/{cible}\">{Jeton(page)}</form>", $"{chemin}/identite", $"{chemin}/{cible}", []);
            Assert.Equal(HttpStatusCode.MethodNotAllowed, reponse.StatusCode);
            Assert.Contains("Action impossible sur cette page", candidat.DernierePage, StringComparison.Ordinal);
            Assert.Contains("Rien n'a été enregistré", candidat.DernierePage, StringComparison.Ordinal);
            Assert.Contains("GET", reponse.Content.Headers.Allow);
        }

        // Another candidate's file, posted to: the same answer, nothing about the file.
        var autre = await Parcours.CandidatConnecteAsync(usine, "autre@exemple.fr");
        await autre.GetAsync("/candidat");
        var reponseAutre = await autre.PosterDepuisAsync($"<form method=\"post\" action=\"{chemin}/journal\">{Jeton(autre.DernierePage)}</form>", "/candidat", $"{chemin}/journal", []);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, reponseAutre.StatusCode);
        Assert.DoesNotContain("Lefèvre", autre.DernierePage, StringComparison.Ordinal);

        Assert.Equal(avant, await JournalAsync(usine));

        // The pages still show, and their own forms still work.
        Assert.Equal(HttpStatusCode.OK, (await candidat.GetAsync($"{chemin}/journal")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await candidat.SoumettreAsync($"{chemin}/recapitulatif", [], "Soumettre")).StatusCode);
        Assert.Contains("Inscription soumise", candidat.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_post_to_an_action_a_back_office_page_does_not_have_is_a_french_405_and_changes_nothing(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (_, _, id, _) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "a@exemple.fr");
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", Examens.Core.Comptes.RolesPersonnel.Administrateur);
        var session = Parcours.Session(usine, "BTS session 2024");
        var journal = await JournalAsync(usine);

        // Before: the page was rendered without its OnGet and failed on data never loaded (HTTP 500).
        foreach (var cible in new[]
        {
            $"/gestion/dossiers/{id}?handler=Inconnu", $"/gestion/sessions/{session}/deliberation?handler=Inconnu",
            $"/gestion/sessions/{session}/notes?handler=Inconnu", $"/gestion/sessions/{session}/notes/ecarts?handler=Inconnu",
            $"/gestion/sessions/{session}/convocations?handler=Inconnu", $"/gestion/sessions/{session}/centres?handler=Inconnu",
            $"/gestion/sessions/{session}/jury/{id}?handler=Inconnu", "/gestion/tableau-de-bord", $"/gestion/sessions/{session}/catalogue",
        })
        {
            var reponse = await ParcoursDossier.PosterSansFormulaireAsync(admin, cible, [new("motif", "x")]);
            Assert.True(HttpStatusCode.MethodNotAllowed == reponse.StatusCode, $"{cible} : {(int)reponse.StatusCode}");
            Assert.Contains("Action impossible sur cette page", admin.DernierePage, StringComparison.Ordinal);
            Assert.Contains("Rien n'a été enregistré", admin.DernierePage, StringComparison.Ordinal);
        }

        Assert.Equal(journal, await JournalAsync(usine));

        // A GET with an unknown handler still shows the page, and the real actions still run.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/gestion/dossiers/{id}?handler=Inconnu")).StatusCode);
        await ParcoursDossier.PosterDossierAsync(admin, id, "Ecarter", [new("motif", "")]);
        Assert.Contains("Indiquez pourquoi l'inscription est écartée", admin.DernierePage, StringComparison.Ordinal);
    }

    private static string Jeton(string page) => System.Text.RegularExpressions.Regex.Match(page, "<input name=\"__RequestVerificationToken\"[^>]*>").Value;

    private static async Task<int> JournalAsync(UsineExamens usine)
    {
        using var portee = usine.Services.CreateScope();
        return await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().Journal.CountAsync(TestContext.Current.CancellationToken);
    }
}
