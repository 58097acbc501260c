using System.Net;
using System.Text.RegularExpressions;
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

    private static string Champ(string page, string id) => Regex.Match(page, $"<input[^>]*id=\"{id}\"[^>]*>").Value is { Length: > 0 } champ
        ? champ : throw new InvalidOperationException($"Pas de champ {id}.");
}
