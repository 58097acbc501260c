using System.Net;
using Examens.Web.Tests.Outils;

namespace Examens.Web.Tests.Pages;

public class IndexTests(UsineExamens usine) : IClassFixture<UsineExamens>
{
    [Fact]
    public async Task The_home_page_explains_the_product_and_the_simulators_in_French()
    {
        var reponse = await usine.CreateClient().GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, reponse.StatusCode);
        var html = await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.Contains("/api/v1/simulations/deliberation", html, StringComparison.Ordinal);
        Assert.Contains("14 spécialités", html, StringComparison.Ordinal);
        Assert.Contains("17:00:00 précises", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_answer_carries_a_strict_content_security_policy()
    {
        var reponse = await usine.CreateClient().GetAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken);
        var csp = Assert.Single(reponse.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(reponse.Headers.GetValues("X-Content-Type-Options")));
    }

    [Fact]
    public async Task An_unknown_page_answers_404_in_French()
    {
        var reponse = await usine.CreateClient().GetAsync(new Uri("/nulle-part", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, reponse.StatusCode);
        Assert.Contains("Page introuvable", await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_answers_ok()
    {
        var reponse = await usine.CreateClient().GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("ok", await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
