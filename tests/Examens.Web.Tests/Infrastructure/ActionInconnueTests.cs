using System.Net;
using Examens.Core.Comptes;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Infrastructure;

public sealed class ActionInconnueTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_post_to_an_action_the_page_does_not_have_is_a_french_404_and_changes_nothing(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (_, _, id, _) = await ParcoursDossier.DossierAvecPiecesAsync(usine, "a@exemple.fr");
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        var session = Parcours.Session(usine, "BTS session 2024");
        var journal = Parcours.Lire(usine, db => db.Journal.Count());

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
            Assert.True(HttpStatusCode.NotFound == reponse.StatusCode, $"{cible} : {(int)reponse.StatusCode}");
            Assert.Contains("Page introuvable", admin.DernierePage, StringComparison.Ordinal);
            Assert.Contains("L'adresse demandée n'existe pas", admin.DernierePage, StringComparison.Ordinal);
        }

        Assert.Equal(journal, Parcours.Lire(usine, db => db.Journal.Count()));

        // A GET with an unknown handler still shows the page, and the real actions still run.
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/gestion/dossiers/{id}?handler=Inconnu")).StatusCode);
        await ParcoursDossier.PosterDossierAsync(admin, id, "Ecarter", [new("motif", "")]);
        Assert.Contains("Indiquez pourquoi l'inscription est écartée", admin.DernierePage, StringComparison.Ordinal);
    }
}
