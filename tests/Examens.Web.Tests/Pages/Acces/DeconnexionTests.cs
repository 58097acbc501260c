using System.Net;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Pages.Acces;

public sealed class DeconnexionTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Signing_out_from_the_header_ends_the_session(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "sortie@exemple.fr");
        var reponse = await client.SoumettreAsync("/compte/deconnexion", [], depuis: "/candidat");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Créer un compte", client.DernierePage, StringComparison.Ordinal);
        await client.GetAsync("/candidat");
        Assert.Contains("/compte/connexion", client.DernierePage + client.Http.BaseAddress, StringComparison.Ordinal);
    }
}
