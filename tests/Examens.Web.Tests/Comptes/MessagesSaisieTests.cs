using System.Net;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Comptes;

public sealed class MessagesSaisieTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task An_empty_choice_says_the_field_is_to_fill_in_without_an_empty_name_and_property_names_are_french(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var candidat = await Parcours.CandidatConnecteAsync(usine, "vide@exemple.fr");
        var chemin = await Parcours.CommencerAsync(usine, candidat);

        // Before: "«  » est à renseigner." (the binder gives this message the empty value, not the field's name).
        var reponse = await candidat.SoumettreAsync($"{chemin}/situation", [new("Saisie.Statut", ""), new("aller", "situation")]);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("<a href=\"#Saisie_Statut\">Ce champ est à renseigner.</a>", candidat.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("«  »", candidat.DernierePage, StringComparison.Ordinal);

        // A tampered hidden revision names it in French, with what to do.
        await candidat.SoumettreAsync($"{chemin}/situation", [new("Saisie.Statut", "Individuel"), new("Revision", "abc"), new("aller", "situation")]);
        Assert.Contains("« version du brouillon (rechargez la page) »", candidat.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("« Revision »", candidat.DernierePage, StringComparison.Ordinal);
    }
}
