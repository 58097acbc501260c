using System.Text.RegularExpressions;
using Examens.Core.Comptes;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Gestion;

public sealed class ErreurChampTagHelperTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_refused_back_office_field_names_its_error_message_and_a_valid_one_does_not(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);

        await admin.SoumettreAsync("/gestion/sessions", [new("Annee", "vingt"), new("Libelle", "BTS session 2026"), new("DateDeliberation", "")]);

        // The help text stays named, the error follows it; the message carries the id the field names.
        var annee = Regex.Match(admin.DernierePage, "<input[^>]*id=\"Annee\"[^>]*>").Value;
        Assert.Contains("aria-invalid=\"true\"", annee, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"aide-annee Annee-erreur\"", annee, StringComparison.Ordinal);
        Assert.Matches("<span[^>]*id=\"Annee-erreur\"[^>]*>Indiquez l'année de la session", admin.DernierePage);
        var date = Regex.Match(admin.DernierePage, "<input[^>]*id=\"DateDeliberation\"[^>]*>").Value;
        Assert.Contains("aria-describedby=\"aide-deliberation DateDeliberation-erreur\"", date, StringComparison.Ordinal);

        var libelle = Regex.Match(admin.DernierePage, "<input[^>]*id=\"Libelle\"[^>]*>").Value;
        Assert.DoesNotContain("aria-invalid", libelle, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-describedby", libelle, StringComparison.Ordinal);

        // A field in a list (Saisie.Nom, Lignes[0].Note…) gets the framework's id with "-erreur".
        var session = Parcours.Session(usine, "BTS session 2024");
        await admin.SoumettreAsync($"/gestion/sessions/{session}/academies/nouvelle",
        [
            new("Saisie.Code", "LILLE"), new("Saisie.Nom", ""), new("Saisie.Fuseau", "Europe/Paris"), new("Saisie.Ouverture", "2025-10-07T14:00"),
            new("Saisie.Fermeture", "2025-11-18T17:00"), new("Saisie.ModeConfirmation", "Papier"), new("Saisie.MaxUnitesFacultatives", "1"),
        ]);
        var nom = Regex.Match(admin.DernierePage, "<input[^>]*id=\"Saisie_Nom\"[^>]*>").Value;
        Assert.Contains("Saisie_Nom-erreur", nom, StringComparison.Ordinal);
        Assert.Matches("<span[^>]*id=\"Saisie_Nom-erreur\"[^>]*>Indiquez le nom de l'académie", admin.DernierePage);
    }
}
