using System.Net;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Infrastructure;

public sealed class FormulaireIllisibleTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_field_of_several_megabytes_is_said_too_large_not_made_of_forbidden_characters(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var candidat = await Parcours.CandidatConnecteAsync(usine, "long@exemple.fr");
        var chemin = await Parcours.CommencerAsync(usine, candidat);
        await Parcours.RemplirAsync(candidat, chemin);

        // 5 MB in one field: beyond the form reader's 4 MB per value (under the 10 MB body limit).
        var reponse = await candidat.SoumettreAsync($"{chemin}/identite", [new("Saisie.Adresse", new string('a', 5_000_000)), new("aller", "identite")]);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, reponse.StatusCode);
        Assert.Contains("<h1>Formulaire trop volumineux</h1>", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Contains("rien n'a été enregistré", candidat.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("caractères non autorisés", candidat.DernierePage, StringComparison.Ordinal);

        // A NUL character is still said to be one.
        reponse = await candidat.SoumettreAsync($"{chemin}/identite", [new("Saisie.Nom", "Du\0pont"), new("aller", "identite")]);
        Assert.Equal(HttpStatusCode.BadRequest, reponse.StatusCode);
        Assert.Contains("caractères non autorisés", candidat.DernierePage, StringComparison.Ordinal);

        await candidat.GetAsync($"{chemin}/identite");
        Assert.Contains("value=\"Lefèvre-Çağlar\"", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Contains("12 rue des Écoles", candidat.DernierePage, StringComparison.Ordinal);
    }
}
