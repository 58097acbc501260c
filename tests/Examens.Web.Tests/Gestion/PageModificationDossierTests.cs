using Examens.Core.Comptes;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Gestion;

public sealed class PageModificationDossierTests
{
    private static KeyValuePair<string, string>[] Note(string note, string motif) =>
        [new("Lignes[0].Unite", "U1"), new("Lignes[0].Note", note), new("Lignes[0].Obtention", "05/07/2021"), new("Lignes[0].Choix", "Benefice"), new("Motif", motif)];

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_form_opened_before_a_colleagues_version_is_refused_and_that_version_stays(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var (_, chemin) = await ParcoursConvocations.CandidatSoumisAsync(usine, "elodie@exemple.fr");
        var id = Guid.Parse(chemin.Split('/')[^1]);
        usine.Horloge.SetUtcNow(new DateTimeOffset(2023, 11, 20, 10, 0, 0, TimeSpan.Zero)); // after the close (P22)
        var agentA = await Parcours.PersonnelConnecteAsync(usine, "a@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var agentB = await Parcours.PersonnelConnecteAsync(usine, "b@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");
        var page = $"/gestion/dossiers/{id}/modifier/notes";

        // A opens the form on version 1; B saves version 2; A sends the form opened before.
        await agentA.GetAsync(page);
        var pageDeA = agentA.DernierePage;
        await agentB.SoumettreAsync(page, Note("12,5", "Courrier du candidat du 18 novembre"));
        Assert.Contains("Inscription modifiée : version 2.", agentB.DernierePage, StringComparison.Ordinal);

        // Before: A's older form made a version 3 that silently undid B's change.
        await agentA.PosterDepuisAsync(pageDeA, page, page, Note("14", "Appel du candidat"));
        Assert.Contains("L'inscription a changé depuis l'ouverture de ce formulaire (version 1 alors, version 2 maintenant)", agentA.DernierePage, StringComparison.Ordinal);
        Assert.Equal(2, Parcours.Lire(usine, db => db.Inscriptions.Single(i => i.Id == id).DerniereVersion));
        Assert.Single(Parcours.Journal(usine, $"inscription:{id}"), e => e.Action == "inscription.modifiee");

        // Sending again the same page is refused again; reloaded, the form shows version 2 and goes through.
        await agentA.PosterDepuisAsync(agentA.DernierePage, page, page, Note("14", "Appel du candidat"));
        Assert.Contains("L'inscription a changé depuis l'ouverture de ce formulaire", agentA.DernierePage, StringComparison.Ordinal);
        await agentA.SoumettreAsync(page, Note("14", "Appel du candidat"));
        Assert.Contains("Inscription modifiée : version 3.", agentA.DernierePage, StringComparison.Ordinal);
    }
}
