using System.Net;
using System.Text.RegularExpressions;
using Examens.Core.Comptes;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Infrastructure;

public sealed class ChampEnErreurTagHelperTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_field_in_error_is_marked_invalid_and_described_by_its_message_after_its_own_help(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var candidat = await Parcours.CandidatConnecteAsync(usine, "aria@exemple.fr");
        var chemin = await Parcours.CommencerAsync(usine, candidat);

        var reponse = await candidat.SoumettreAsync($"{chemin}/identite",
        [
            new("Saisie.Nom", "Dupont 😀"), new("Saisie.Prenoms", "Jean"), new("Saisie.DateNaissance", "31/02/1990"), new("Saisie.LieuNaissance", "Nancy"),
            new("Saisie.Adresse", "1 rue de la Paix"), new("Saisie.CodePostal", "54000"), new("Saisie.Ville", "Nancy"), new("Saisie.Pays", "France"), new("aller", "identite"),
        ]);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var page = candidat.DernierePage;

        var nom = Champ(page, "Saisie_Nom");
        Assert.Contains("aria-invalid=\"true\"", nom, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"erreur-Saisie_Nom\"", nom, StringComparison.Ordinal);
        Assert.Matches("<span[^>]*id=\"erreur-Saisie_Nom\"[^>]*>Le nom ne peut contenir que des lettres", page);

        // The date keeps its format help, then its message.
        var date = Champ(page, "Saisie_DateNaissance");
        Assert.Contains("aria-describedby=\"aide-naissance erreur-Saisie_DateNaissance\"", date, StringComparison.Ordinal);
        Assert.Matches("<span[^>]*id=\"erreur-Saisie_DateNaissance\"[^>]*>Cette date n'existe pas", page);

        // A field without error is left as it was.
        var prenoms = Champ(page, "Saisie_Prenoms");
        Assert.DoesNotContain("aria-invalid", prenoms, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-describedby", prenoms, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_help_written_with_an_expression_stays_named_before_the_message(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var candidat = await Parcours.CandidatConnecteAsync(usine, "aria-notes@exemple.fr");
        var chemin = await Parcours.CommencerAsync(usine, candidat);
        await Parcours.RemplirAsync(candidat, chemin);

        // aria-describedby="aide-note-@i": HTML content, not a string; it must come out as the id it names.
        await candidat.SoumettreAsync($"{chemin}/notes",
        [
            new("Lignes[0].Unite", "U1"), new("Lignes[0].Note", "douze"), new("Lignes[0].Obtention", "05/07/2022"), new("Lignes[0].Choix", "Benefice"),
            new("aller", "notes"),
        ]);
        var note = Champ(candidat.DernierePage, "Lignes_0__Note");
        Assert.Contains("aria-invalid=\"true\"", note, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"aide-note-0 erreur-Lignes_0__Note\"", note, StringComparison.Ordinal);
        Assert.Matches("<span[^>]*id=\"erreur-Lignes_0__Note\"[^>]*>", candidat.DernierePage);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_refused_back_office_field_names_its_error_message_and_a_valid_one_does_not(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var admin = await Parcours.PersonnelConnecteAsync(usine, "chef@exemple.fr", RolesPersonnel.Administrateur);

        await admin.SoumettreAsync("/gestion/sessions", [new("Annee", "vingt"), new("Libelle", "BTS session 2026"), new("DateDeliberation", "")]);

        // The help text stays named, the error follows it; the message carries the id the field names.
        var annee = Champ(admin.DernierePage, "Annee");
        Assert.Contains("aria-invalid=\"true\"", annee, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"aide-annee erreur-Annee\"", annee, StringComparison.Ordinal);
        Assert.Matches("<span[^>]*id=\"erreur-Annee\"[^>]*>Indiquez l'année de la session", admin.DernierePage);
        var date = Champ(admin.DernierePage, "DateDeliberation");
        Assert.Contains("aria-describedby=\"aide-deliberation erreur-DateDeliberation\"", date, StringComparison.Ordinal);

        var libelle = Champ(admin.DernierePage, "Libelle");
        Assert.DoesNotContain("aria-invalid", libelle, StringComparison.Ordinal);
        Assert.DoesNotContain("aria-describedby", libelle, StringComparison.Ordinal);

        // A field with a prefix (Saisie.Nom) gets the framework's id after "erreur-".
        var session = Parcours.Session(usine, "BTS session 2024");
        await admin.SoumettreAsync($"/gestion/sessions/{session}/academies/nouvelle",
        [
            new("Saisie.Code", "LILLE"), new("Saisie.Nom", ""), new("Saisie.Fuseau", "Europe/Paris"), new("Saisie.Ouverture", "2025-10-07T14:00"),
            new("Saisie.Fermeture", "2025-11-18T17:00"), new("Saisie.ModeConfirmation", "Papier"), new("Saisie.MaxUnitesFacultatives", "1"),
        ]);
        Assert.Contains("erreur-Saisie_Nom", Champ(admin.DernierePage, "Saisie_Nom"), StringComparison.Ordinal);
        Assert.Matches("<span[^>]*id=\"erreur-Saisie_Nom\"[^>]*>Indiquez le nom de l'académie", admin.DernierePage);
    }

    private static string Champ(string page, string id) => Regex.Match(page, $"<input[^>]*id=\"{id}\"[^>]*>").Value is { Length: > 0 } champ
        ? champ : throw new InvalidOperationException($"Pas de champ {id}.");
}
