using System.Net;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Pages.Acces;

public sealed class DeconnexionTests : IDisposable
{
    private readonly UsineExamens _usine = new();

    public void Dispose() => _usine.Dispose();

    [Fact]
    public async Task Signing_out_from_the_header_ends_the_session()
    {
        var client = await Parcours.CandidatConnecteAsync(_usine, "sortie@exemple.fr");
        var reponse = await client.SoumettreAsync("/compte/deconnexion", [], depuis: "/candidat");
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        Assert.Contains("Créer un compte", client.DernierePage, StringComparison.Ordinal);
        await client.GetAsync("/candidat");
        Assert.Contains("/compte/connexion", client.DernierePage + client.Http.BaseAddress, StringComparison.Ordinal);
    }
}
