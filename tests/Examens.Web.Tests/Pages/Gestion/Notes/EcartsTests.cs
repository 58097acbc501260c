using System.Net;
using System.Text.RegularExpressions;
using Examens.Core.Comptes;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Pages.Gestion.Notes;

public sealed partial class EcartsTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_mismatch_settled_meanwhile_by_a_colleague_is_said_in_French_and_the_first_settlement_stays(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (_, chemin) = await ParcoursConvocations.CandidatSoumisAsync(usine, "elodie@exemple.fr");
        var inscription = Guid.Parse(chemin.Split('/')[^1]);
        var session = ParcoursConvocations.Session(usine);
        var chef = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        await ParcoursConvocations.PreparerAsync(chef, session);
        await chef.SoumettreAsync($"/gestion/sessions/{session}/convocations", [], "Affecter");
        await chef.SoumettreAsync($"/gestion/sessions/{session}/convocations", [], "Publier");
        var centre = Parcours.Lire(usine, db => db.CentresExamen.Single().Id);
        var agent1 = await Parcours.PersonnelConnecteAsync(usine, "agent1@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var agent2 = await Parcours.PersonnelConnecteAsync(usine, "agent2@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        await SaisirAsync(agent1, session, centre, inscription, 1, "14");
        await SaisirAsync(agent2, session, centre, inscription, 2, "11");
        Assert.Contains("1 écart(s) à trancher", agent2.DernierePage, StringComparison.Ordinal);

        // Both open the mismatch; agent 1 settles it first, agent 2 posts the page opened before.
        var ecarts = $"/gestion/sessions/{session}/notes/ecarts";
        await agent2.GetAsync(ecarts);
        var pageOuverte = agent2.DernierePage;
        await agent1.SoumettreAsync(ecarts, [new("inscriptionId", inscription.ToString()), new("unite", "U4"), new("note", "14"), new("motif", "Copie vérifiée : 14/20.")], "Trancher");
        Assert.Contains("Écart tranché : U4 = 14/20.", agent1.DernierePage, StringComparison.Ordinal);

        // Before: a bare "Page introuvable" (404), as if the address were wrong.
        var reponse = await agent2.PosterDepuisAsync(pageOuverte, ecarts, $"{ecarts}?handler=Trancher",
            [new("inscriptionId", inscription.ToString()), new("unite", "U4"), new("note", "11"), new("motif", "Copie vérifiée : 11/20.")]);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Aucun écart de saisie à trancher pour ce candidat et cette unité.", agent2.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Aucun écart à trancher.", agent2.DernierePage, StringComparison.Ordinal);

        Assert.Equal((decimal?)14m, Parcours.Lire(usine, db => db.NotesUnites.Single(n => n.Unite == "U4").Note));
        Assert.Single(Parcours.Journal(usine, $"inscription:{inscription}"), e => e.Action == "note.arbitrage");
    }

    private static async Task SaisirAsync(ClientPortail agent, int session, int centre, Guid inscription, int saisie, string note)
    {
        var page = $"/gestion/sessions/{session}/notes?centre={centre}&epreuve=MS%7CU4&saisie={saisie}";
        await agent.GetAsync(page);
        var action = ActionRegex().Match(agent.DernierePage).Groups[1].Value;
        await agent.PosterDepuisAsync(agent.DernierePage, page, action,
            [new("Lignes[0].InscriptionId", inscription.ToString()), new("Lignes[0].Note", note), new("Lignes[0].Absence", "")]);
    }

    [GeneratedRegex("<form method=\"post\" action=\"([^\"]*handler=Saisir[^\"]*)\"")]
    private static partial Regex ActionRegex();
}
