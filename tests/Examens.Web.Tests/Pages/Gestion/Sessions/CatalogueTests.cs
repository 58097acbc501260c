using Examens.Core.Comptes;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Pages.Gestion.Sessions;

public sealed class CatalogueTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task The_catalogue_of_a_session_flags_unconfirmed_values_and_incomplete_specialities(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "SIEC");

        await agent.GetAsync($"/gestion/sessions/{Parcours.Session(usine, "BTS session 2024")}/catalogue");

        Assert.Contains("Catalogue des spécialités pour la session 2024", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("MS – Maintenance des systèmes", agent.DernierePage, StringComparison.Ordinal);
        // MS: its options, a unit with its coefficient, the languages marked unconfirmed in data/catalogue/2024/MS.json.
        Assert.Contains("Systèmes de production", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("<span class=\"badge non-confirme\">non confirmé</span>", agent.DernierePage, StringComparison.Ordinal);
        Assert.Contains("non confirmé : caractère professionnel", agent.DernierePage, StringComparison.Ordinal);
        // AMCR's règlement is unknown: flagged with what is missing.
        Assert.Contains("<span class=\"badge incomplete\">incomplète</span> Ce qui manque : Règlement d'examen entier inconnu", agent.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("ceci est celle de la session", agent.DernierePage, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_session_without_its_own_catalogue_shows_the_nearest_one_flagged(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);
        await admin.SoumettreAsync("/gestion/sessions", [new("Annee", "2027"), new("Libelle", "BTS session 2027"), new("DateDeliberation", "2027-07-02")]);

        await admin.GetAsync($"/gestion/sessions/{Parcours.Session(usine, "BTS session 2027")}/catalogue");

        Assert.Contains("MS – Maintenance des systèmes", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("Le catalogue n'a pas de description pour la session 2027 : ceci est celle de la session 2024", admin.DernierePage, StringComparison.Ordinal);
        Assert.Contains("non confirmé pour 2027", admin.DernierePage, StringComparison.Ordinal);
    }
}
