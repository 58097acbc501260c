using Examens.Web.Pages.Acces;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Pages.Acces;

public sealed class InvitationTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_link_cut_by_the_mail_client_says_in_French_that_it_is_no_longer_valid(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var navigateur = Parcours.Navigateur(usine);

        foreach (var lien in new[] { "/gestion/invitation", "/gestion/invitation?id=&code=", "/gestion/invitation?id=abc" })
        {
            await navigateur.GetAsync(lien);
            // Before: "The Id field is required." and "The Code field is required." above the French sentence.
            Assert.Contains(InvitationModel.LienPerime, navigateur.DernierePage, StringComparison.Ordinal);
            Assert.DoesNotContain("field is required", navigateur.DernierePage, StringComparison.Ordinal);
            Assert.Contains("Une erreur empêche d'enregistrer", navigateur.DernierePage, StringComparison.Ordinal);
        }
    }
}
