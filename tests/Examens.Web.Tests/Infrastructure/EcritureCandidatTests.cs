using System.Globalization;
using System.Net;
using Examens.Web.Infrastructure;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Examens.Web.Tests.Infrastructure;

public sealed class EcritureCandidatTests
{
    private static string? Cookie(HttpResponseMessage reponse) =>
        reponse.Headers.TryGetValues("Set-Cookie", out var v) ? v.FirstOrDefault(c => c.StartsWith(EcritureCandidat.Cookie + "=", StringComparison.Ordinal)) : null;

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_signed_in_persons_change_is_remembered_in_the_browser_with_its_instant_and_nothing_else(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = new ClientPortail(usine.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        const string Courriel = "ecriture@exemple.fr";

        // Before signing in, a post (the account's creation, a sign-in) is nobody's change.
        Assert.Null(Cookie(await client.SoumettreAsync("/compte/creer", [new("Courriel", Courriel), new("MotDePasse", Parcours.MotDePasse), new("Confirmation", Parcours.MotDePasse)])));
        var lien = Parcours.LienRegex().Match(usine.DernierCourrielPour(Courriel).TextBody ?? "").Groups[1].Value;
        await client.GetAsync(new Uri(lien).PathAndQuery);
        Assert.Null(Cookie(await client.SoumettreAsync("/compte/connexion", [new("Courriel", Courriel), new("MotDePasse", Parcours.MotDePasse)])));

        // Reading a page changes nothing.
        var accueil = await client.GetAsync("/candidat");
        Assert.Equal(HttpStatusCode.OK, accueil.StatusCode);
        Assert.Null(Cookie(accueil));

        // Starting a registration does: the instant of the answer, readable by no script, for a minute.
        usine.Horloge.Advance(TimeSpan.FromSeconds(3));
        var reponse = await client.SoumettreAsync("/candidat", [new("academieSessionId", Parcours.Academie(usine, "SIEC").ToString(CultureInfo.InvariantCulture))], "Commencer");
        Assert.Equal(HttpStatusCode.Redirect, reponse.StatusCode);
        var cookie = Cookie(reponse);
        Assert.NotNull(cookie);
        Assert.StartsWith($"{EcritureCandidat.Cookie}={usine.Horloge.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)};", cookie, StringComparison.Ordinal);
        Assert.Contains("max-age=60", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("1700000000000", 1_700_000_000_000L)]
    [InlineData("abc", null)]
    [InlineData("-5", null)]
    [InlineData("99999999999999999999", null)]
    [InlineData("9999999999999999", null)]
    public void A_changed_or_broken_cookie_is_read_as_no_change(string valeur, long? attendu)
    {
        var http = new DefaultHttpContext();
        http.Request.Headers.Cookie = $"{EcritureCandidat.Cookie}={valeur}";
        Assert.Equal(attendu, EcritureCandidat.Lire(http.Request)?.ToUnixTimeMilliseconds());
    }
}
