using System.Net;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Pages.Candidat.Inscription;

public sealed class IdentiteTests
{
    private static KeyValuePair<string, string>[] Identite(params (string Champ, string Valeur)[] changes)
    {
        var champs = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["Saisie.Nom"] = "Martin", ["Saisie.Prenoms"] = "Léa", ["Saisie.DateNaissance"] = "14/07/1995", ["Saisie.LieuNaissance"] = "Metz",
            ["Saisie.Adresse"] = "3 rue Serpenoise", ["Saisie.CodePostal"] = "57000", ["Saisie.Ville"] = "Metz", ["Saisie.Pays"] = "France", ["aller"] = "identite",
        };
        foreach (var (champ, valeur) in changes)
        {
            champs[champ] = valeur;
        }

        return [.. champs];
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_french_postal_code_has_five_digits_and_spaces_around_a_pasted_name_are_trimmed(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var candidat = await Parcours.CandidatConnecteAsync(usine, "adresse@exemple.fr");
        var chemin = await Parcours.CommencerAsync(usine, candidat);
        await candidat.SoumettreAsync($"{chemin}/identite", Identite());
        var avant = await RevisionAsync(usine, chemin);

        // Before: 4 digits were kept for France, and the convocation went to a wrong address.
        var reponse = await candidat.SoumettreAsync($"{chemin}/identite", Identite(("Saisie.CodePostal", "5700")));
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("<a href=\"#Saisie_CodePostal\">Un code postal français compte 5 chiffres", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Equal(avant, await RevisionAsync(usine, chemin));

        // Abroad, the postal code keeps its own shape.
        await candidat.SoumettreAsync($"{chemin}/identite", Identite(("Saisie.CodePostal", "1000"), ("Saisie.Ville", "Bruxelles"), ("Saisie.Pays", "Belgique")));
        Assert.Contains("Brouillon enregistré", candidat.DernierePage, StringComparison.Ordinal);

        // Before: " Martin" (pasted) was refused as if it held a forbidden character.
        await candidat.SoumettreAsync($"{chemin}/identite", Identite(("Saisie.Nom", "  Martin "), ("Saisie.Prenoms", " Léa")));
        Assert.Contains("Brouillon enregistré", candidat.DernierePage, StringComparison.Ordinal);
        using var portee = usine.Services.CreateScope();
        var compte = await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().Users.SingleAsync(u => u.Email == "adresse@exemple.fr", TestContext.Current.CancellationToken);
        Assert.Equal(("Martin", "Léa"), (compte.Nom, compte.Prenoms));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_refused_address_says_which_character_is_not_accepted_even_an_invisible_one(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var candidat = await Parcours.CandidatConnecteAsync(usine, "diese@exemple.fr");
        var chemin = await Parcours.CommencerAsync(usine, candidat);
        await candidat.SoumettreAsync($"{chemin}/identite", Identite());
        var avant = await RevisionAsync(usine, chemin);

        await candidat.SoumettreAsync($"{chemin}/identite", Identite(("Saisie.Adresse", "Résidence du Parc, appt #12")));
        Assert.Contains("L'adresse contient un caractère non accepté : « # ».", candidat.DernierePage, StringComparison.Ordinal);

        await candidat.SoumettreAsync($"{chemin}/identite", Identite(("Saisie.Ville", "Saint\u200B-Avold")));
        Assert.Contains("La commune contient un caractère non accepté : un caractère invisible (U+200B).", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Equal(avant, await RevisionAsync(usine, chemin));
    }

    private static async Task<int> RevisionAsync(UsineExamens usine, string chemin)
    {
        var id = Guid.Parse(chemin.Split('/')[^1]);
        using var portee = usine.Services.CreateScope();
        return await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().Inscriptions.Where(i => i.Id == id).Select(i => i.Revision).SingleAsync(TestContext.Current.CancellationToken);
    }
}
