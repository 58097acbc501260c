using Examens.Web.Infrastructure.Admission;
using Microsoft.AspNetCore.Http;

namespace Examens.Web.Tests.Infrastructure.Admission;

public sealed class ReponseOccupeTests
{
    [Theory]
    [InlineData("", "/candidat/inscription", "?etape=2", "/candidat/inscription?etape=2")]
    [InlineData("/examens", "/candidat", "", "/examens/candidat")]
    [InlineData("", "//ailleurs.exemple/piege", "", "/")]
    [InlineData("", "/\\ailleurs.exemple", "", "/%5Cailleurs.exemple")]
    public void The_waiting_page_comes_back_to_the_same_address_on_this_site_only(string baseChemin, string chemin, string requete, string attendue)
    {
        var http = new DefaultHttpContext();
        http.Request.PathBase = baseChemin;
        http.Request.Path = chemin;
        http.Request.QueryString = new QueryString(requete);

        Assert.Equal(attendue, ReponseOccupe.AdresseDeRetour(http.Request));
    }
}
