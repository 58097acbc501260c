using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Pages.Acces;

public sealed class CreerTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Signing_up_with_an_address_that_has_an_account_answers_the_same_and_tells_its_owner(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        await Parcours.CandidatConnecteAsync(usine, "deja@exemple.fr");
        var autre = new ClientPortail(usine.CreateClient());
        await autre.SoumettreAsync("/compte/creer", [new("Courriel", "deja@exemple.fr"), new("MotDePasse", "une autre phrase secrète"), new("Confirmation", "une autre phrase secrète")]);
        Assert.Contains("Votre compte est créé.", autre.DernierePage, StringComparison.Ordinal);
        Assert.DoesNotContain("existe déjà", autre.DernierePage, StringComparison.Ordinal);
        Assert.Equal("Vous avez déjà un compte – Examens", usine.DernierCourrielPour("deja@exemple.fr").Subject);
    }
}
