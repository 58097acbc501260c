using System.Net;
using System.Text.RegularExpressions;
using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Web.Tests.Infrastructure.Proxies;

/// <summary>
/// Behind a reverse proxy ending TLS: X-Forwarded-For/Proto are believed only from the configured proxies
/// (Examens:Proxies:Adresses, loopback by default). The test server's requests come from 203.0.113.7
/// (<see cref="AdresseDistante"/>), which plays the proxy when it is configured as trusted.
/// </summary>
public sealed partial class ProxiesExtensionsTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly Uri Site = new("http://examens.test");

    private static UsineExamens Usine(string baseDeDonnees, bool proxyDeConfiance)
    {
        var usine = UsineExamens.Pour(baseDeDonnees);
        if (proxyDeConfiance)
        {
            // A network and a single address, as an operator would list a load balancer's subnet and an nginx host.
            usine.Reglages["Examens:Proxies:Adresses:0"] = "203.0.113.0/24";
            usine.Reglages["Examens:Proxies:Adresses:1"] = "192.0.2.10";
        }

        return usine;
    }

    /// <summary>What the proxy adds to every request it passes on.</summary>
    private sealed class Proxy(string client, string schema) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            request.Headers.Add("X-Forwarded-For", client);
            request.Headers.Add("X-Forwarded-Proto", schema);
            return base.SendAsync(request, cancellationToken);
        }
    }

    private static ClientPortail Client(UsineExamens usine, string client, string schema = "http") =>
        new(usine.CreateDefaultClient(Site, new RedirectHandler(), new CookieContainerHandler(), new Proxy(client, schema)));

    [Fact]
    public async Task From_a_trusted_proxy_saying_https_the_answer_has_hsts_and_secure_cookies()
    {
        using var usine = Usine(BasesDeDonnees.Sqlite, proxyDeConfiance: true);
        var reponse = await Client(usine, "198.51.100.20", "https").Http.GetAsync(new Uri("/compte/creer", UriKind.Relative), Ct);

        Assert.Equal("max-age=31536000; includeSubDomains", reponse.Headers.GetValues("Strict-Transport-Security").Single());
        var cookie = reponse.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("examens-af=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()));

        // The same proxy passing on a plain HTTP request: no HSTS, which means nothing there.
        var clair = await Client(usine, "198.51.100.20").Http.GetAsync(new Uri("/compte/creer", UriKind.Relative), Ct);
        Assert.False(clair.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task From_an_address_that_is_not_a_configured_proxy_the_forwarded_headers_are_ignored()
    {
        using var usine = Usine(BasesDeDonnees.Sqlite, proxyDeConfiance: false); // default: loopback only
        var reponse = await Client(usine, "198.51.100.20", "https").Http.GetAsync(new Uri("/compte/creer", UriKind.Relative), Ct);

        Assert.False(reponse.Headers.Contains("Strict-Transport-Security"));
        var cookie = reponse.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("examens-af=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", cookie.Split(';').Select(a => a.Trim().ToLowerInvariant()));
    }

    private static Task<HttpResponseMessage> CreerCompteAsync(ClientPortail client, string courriel) =>
        client.SoumettreAsync("/compte/creer", [new("Courriel", courriel), new("MotDePasse", Parcours.MotDePasse), new("Confirmation", Parcours.MotDePasse)]);

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Behind_a_trusted_proxy_rate_limits_and_the_trail_use_the_forwarded_client_address(string baseDeDonnees)
    {
        using var usine = Usine(baseDeDonnees, proxyDeConfiance: true);
        usine.Reglages["Examens:Limites:CreationCompte:Nombre"] = "2";
        usine.Reglages["Examens:Limites:CreationCompte:FenetreSecondes"] = "3600";
        var premier = Client(usine, "198.51.100.1");
        Assert.Equal(HttpStatusCode.OK, (await CreerCompteAsync(premier, "p1@exemple.fr")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CreerCompteAsync(premier, "p2@exemple.fr")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await CreerCompteAsync(premier, "p3@exemple.fr")).StatusCode);
        // The first client writing an address of its choosing in front of its own (the proxy appends the real one):
        // the rightmost address that is not a trusted proxy counts, so it is still refused.
        Assert.Equal(HttpStatusCode.TooManyRequests, (await CreerCompteAsync(Client(usine, "198.51.100.77, 198.51.100.1"), "p4@exemple.fr")).StatusCode);

        // Another client behind the same proxy has its own budget: it is not refused for the first one's requests.
        var second = Client(usine, "198.51.100.2");
        Assert.Equal(HttpStatusCode.OK, (await CreerCompteAsync(second, "s1@exemple.fr")).StatusCode);

        // The trail records the client's address, not the proxy's.
        var lien = LienRegex().Match(usine.DernierCourrielPour("s1@exemple.fr").TextBody ?? "").Groups[1].Value;
        await second.GetAsync(new Uri(lien).PathAndQuery);
        await second.SoumettreAsync("/compte/connexion", [new("Courriel", "s1@exemple.fr"), new("MotDePasse", Parcours.MotDePasse)]);
        var inscription = Guid.Parse((await Parcours.CommencerAsync(usine, second)).Split('/')[^1]);
        using var portee = usine.Services.CreateScope();
        var cible = $"inscription:{inscription}";
        var adresses = await portee.ServiceProvider.GetRequiredService<ExamensDbContext>().Journal.Where(e => e.Cible == cible).Select(e => e.Adresse).ToListAsync(Ct);
        Assert.Equal(["198.51.100.2"], adresses.Distinct());
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_client_that_is_not_a_proxy_cannot_escape_the_rate_limit_by_claiming_other_addresses(string baseDeDonnees)
    {
        using var usine = Usine(baseDeDonnees, proxyDeConfiance: false);
        usine.Reglages["Examens:Limites:CreationCompte:Nombre"] = "2";
        usine.Reglages["Examens:Limites:CreationCompte:FenetreSecondes"] = "3600";
        Assert.Equal(HttpStatusCode.OK, (await CreerCompteAsync(Client(usine, "198.51.100.1"), "u1@exemple.fr")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await CreerCompteAsync(Client(usine, "198.51.100.2"), "u2@exemple.fr")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await CreerCompteAsync(Client(usine, "198.51.100.3"), "u3@exemple.fr")).StatusCode);
        using var portee = usine.Services.CreateScope();
        Assert.DoesNotContain(portee.ServiceProvider.GetRequiredService<ExamensDbContext>().Users, u => u.Email == "u3@exemple.fr");
    }

    [Fact]
    public void A_setting_that_is_neither_an_address_nor_a_network_stops_the_start_in_french()
    {
        using var usine = UsineExamens.Pour(BasesDeDonnees.Sqlite);
        usine.Reglages["Examens:Proxies:Adresses"] = "10.0.0.0/8, nginx.local";
        var erreur = Record.Exception(() => usine.CreateClient());
        Assert.NotNull(erreur);
        var messages = string.Join(" | ", Enumerable.Repeat(erreur, 1).Concat(erreur is AggregateException a ? a.InnerExceptions : []).Select(e => e.GetBaseException().Message));
        Assert.Contains("« nginx.local » n'est ni une adresse IP ni un réseau CIDR", messages, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"(http://\S+/compte/confirmer\S+)")]
    private static partial Regex LienRegex();
}
