using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Infrastructure;

public sealed class ObligatoireImpliciteTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task No_english_required_message_is_left_in_the_markup_of_the_steps(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var candidat = await Parcours.CandidatConnecteAsync(usine, "anglais@exemple.fr");
        var chemin = await Parcours.CommencerAsync(usine, candidat);
        await Parcours.RemplirAsync(candidat, chemin);

        // Before: data-val-required="The Revision field is required." on every step, "The Niveau field…" on the exemptions.
        foreach (var etape in new[] { "identite", "situation", "examen", "notes", "dispenses", "recapitulatif" })
        {
            await candidat.GetAsync($"{chemin}/{etape}");
            Assert.DoesNotContain("field is required", candidat.DernierePage, StringComparison.Ordinal);
            Assert.DoesNotContain("is not valid", candidat.DernierePage, StringComparison.Ordinal);
        }

        await candidat.GetAsync($"{chemin}/dispenses");
        Assert.Contains("data-val-required=\"Ce champ est à renseigner.\"", candidat.DernierePage, StringComparison.Ordinal);

        // Markup only: a refused upload (its form has no draft revision) gets its own message and no other.
        await candidat.SoumettreAsync($"{chemin}/recapitulatif", [], "Soumettre");
        await candidat.DeposerAsync($"{chemin}/pieces", "D2", [], "vide.pdf");
        Assert.Contains("Une erreur empêche d'enregistrer", candidat.DernierePage, StringComparison.Ordinal);
        Assert.Contains("D2 : choisissez un fichier non vide.", candidat.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain(Examens.Web.Infrastructure.ObligatoireImplicite.Message, candidat.DernierePage, StringComparison.Ordinal);
    }
}
