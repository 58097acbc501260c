using System.Security.Claims;
using Examens.Web.Infrastructure;
using Examens.Web.Tests.Outils;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;

namespace Examens.Web.Tests.Infrastructure;

/// <summary>The framework's own antiforgery behind the copy, on real Data Protection that counts what it is asked.</summary>
public sealed class JetonsAntiforgeryEnCacheTests : IDisposable
{
    private sealed class Compteur
    {
        public int Operations;
    }

    private sealed class FournisseurCompte(IDataProtectionProvider interne, Compteur compteur) : IDataProtectionProvider
    {
        public IDataProtector CreateProtector(string purpose) => new ProtecteurCompte(interne.CreateProtector(purpose), compteur);
    }

    private sealed class ProtecteurCompte(IDataProtector interne, Compteur compteur) : IDataProtector
    {
        public IDataProtector CreateProtector(string purpose) => new ProtecteurCompte(interne.CreateProtector(purpose), compteur);

        public byte[] Protect(byte[] plaintext)
        {
            compteur.Operations++;
            return interne.Protect(plaintext);
        }

        public byte[] Unprotect(byte[] protectedData)
        {
            compteur.Operations++;
            return interne.Unprotect(protectedData);
        }
    }

    private readonly FakeTimeProvider _horloge = new(UsineExamens.Debut);
    private readonly Compteur _compteur = new();
    private readonly ServiceProvider _services;

    public JetonsAntiforgeryEnCacheTests()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<IDataProtectionProvider>(new FournisseurCompte(new EphemeralDataProtectionProvider(), _compteur));
        services.AddAntiforgery(o => o.Cookie.Name = "examens-af");
        _services = services.BuildServiceProvider();
    }

    public void Dispose() => _services.Dispose();

    /// <summary>A node: the framework's antiforgery (shared keys) behind its own copy.</summary>
    private JetonsAntiforgeryEnCache Noeud() => new(_services.GetRequiredService<IAntiforgery>(),
        _services.GetRequiredService<IOptions<AntiforgeryOptions>>(), _horloge);

    private static ClaimsPrincipal Connecte(string id) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, $"{id}@exemple.fr")], IdentityConstants.ApplicationScheme));

    private DefaultHttpContext Requete(string methode, ClaimsPrincipal? qui, string? cookie, string? jeton = null)
    {
        var http = new DefaultHttpContext { RequestServices = _services, User = qui ?? new ClaimsPrincipal(new ClaimsIdentity()) };
        http.Request.Method = methode;
        if (cookie is not null)
        {
            http.Request.Headers.Cookie = $"examens-af={cookie}";
        }

        if (jeton is not null)
        {
            http.Request.ContentType = "application/x-www-form-urlencoded";
            http.Request.Form = new FormCollection(new Dictionary<string, StringValues> { ["__RequestVerificationToken"] = jeton });
        }

        return http;
    }

    /// <summary>A browser's first page: the framework issues its antiforgery cookie.</summary>
    private string NouveauCookie(JetonsAntiforgeryEnCache noeud, ClaimsPrincipal qui) => noeud.GetAndStoreTokens(Requete("GET", qui, null)).CookieToken!;

    [Fact]
    public async Task A_browsers_next_pages_carry_the_form_token_already_made_for_it_without_data_protection_and_stay_uncached()
    {
        var noeud = Noeud();
        var ines = Connecte("ines");
        var cookie = NouveauCookie(noeud, ines);

        var premiere = Requete("GET", ines, cookie);
        var jeton = noeud.GetAndStoreTokens(premiere).RequestToken!;
        var operations = _compteur.Operations;

        var suivante = Requete("GET", ines, cookie);
        var jetons = noeud.GetAndStoreTokens(suivante);
        Assert.Equal(jeton, jetons.RequestToken);
        Assert.Null(jetons.CookieToken);
        Assert.Equal("__RequestVerificationToken", jetons.FormFieldName);
        Assert.Equal(operations, _compteur.Operations);
        Assert.Equal("no-cache, no-store", suivante.Response.Headers.CacheControl.ToString());
        Assert.Equal("no-cache", suivante.Response.Headers.Pragma.ToString());

        // Posting it is accepted, still without data protection: the framework made this pair.
        await noeud.ValidateRequestAsync(Requete("POST", ines, cookie, jeton));
        Assert.True(await noeud.IsRequestValidAsync(Requete("POST", ines, cookie, jeton)));
        Assert.Equal(operations, _compteur.Operations);

        // After the copy's lifetime, the framework is asked again.
        _horloge.Advance(JetonsAntiforgeryEnCache.Duree);
        noeud.GetAndStoreTokens(Requete("GET", ines, cookie));
        Assert.True(_compteur.Operations > operations);
    }

    [Fact]
    public async Task A_token_is_never_given_to_or_accepted_from_another_person_or_another_browser()
    {
        var noeud = Noeud();
        var ines = Connecte("ines");
        var cookie = NouveauCookie(noeud, ines);
        var jetonInes = noeud.GetAndStoreTokens(Requete("GET", ines, cookie)).RequestToken!;

        // Someone else signs in on the same browser: a token of their own, made by the framework.
        var paul = Connecte("paul");
        var operations = _compteur.Operations;
        var jetonPaul = noeud.GetAndStoreTokens(Requete("GET", paul, cookie)).RequestToken!;
        Assert.NotEqual(jetonInes, jetonPaul);
        Assert.True(_compteur.Operations > operations);

        // Inès's token posted as Paul, or by another browser, or signed out: refused, each time, by the framework.
        for (var fois = 0; fois < 2; fois++)
        {
            await Assert.ThrowsAsync<AntiforgeryValidationException>(() => noeud.ValidateRequestAsync(Requete("POST", paul, cookie, jetonInes)));
            Assert.False(await noeud.IsRequestValidAsync(Requete("POST", paul, cookie, jetonInes)));
            await Assert.ThrowsAsync<AntiforgeryValidationException>(() => noeud.ValidateRequestAsync(Requete("POST", ines, NouveauCookie(noeud, ines), jetonInes)));
            await Assert.ThrowsAsync<AntiforgeryValidationException>(() => noeud.ValidateRequestAsync(Requete("POST", null, cookie, jetonInes)));
        }

        // A changed token or cookie is refused.
        await Assert.ThrowsAsync<AntiforgeryValidationException>(() => noeud.ValidateRequestAsync(Requete("POST", ines, cookie, jetonInes[..^4] + "AAAA")));
        await Assert.ThrowsAsync<AntiforgeryValidationException>(() => noeud.ValidateRequestAsync(Requete("POST", ines, cookie[..^4] + "AAAA", jetonInes)));
        await noeud.ValidateRequestAsync(Requete("POST", ines, cookie, jetonInes));
    }

    [Fact]
    public async Task Two_people_the_framework_tells_apart_are_told_apart_even_when_their_first_identifier_is_empty()
    {
        // The framework takes the first "sub" claim and, when it is empty, the name identifier: so must the copy.
        static ClaimsPrincipal Personne(string id) => new(new ClaimsIdentity(
            [new Claim("sub", ""), new Claim("sub", "commun"), new Claim(ClaimTypes.NameIdentifier, id)], IdentityConstants.ApplicationScheme));
        var noeud = Noeud();
        var cookie = NouveauCookie(noeud, Personne("a"));
        var jeton = noeud.GetAndStoreTokens(Requete("GET", Personne("a"), cookie)).RequestToken!;
        await noeud.ValidateRequestAsync(Requete("POST", Personne("a"), cookie, jeton));

        await Assert.ThrowsAsync<AntiforgeryValidationException>(() => noeud.ValidateRequestAsync(Requete("POST", Personne("b"), cookie, jeton)));
        Assert.NotEqual(jeton, noeud.GetAndStoreTokens(Requete("GET", Personne("b"), cookie)).RequestToken);
    }

    [Fact]
    public async Task A_header_sent_empty_is_the_token_as_for_the_framework_and_is_refused_whatever_the_form_holds()
    {
        var noeud = Noeud();
        var ines = Connecte("ines");
        var cookie = NouveauCookie(noeud, ines);
        var jeton = noeud.GetAndStoreTokens(Requete("GET", ines, cookie)).RequestToken!;
        await noeud.ValidateRequestAsync(Requete("POST", ines, cookie, jeton));

        var requete = Requete("POST", ines, cookie, jeton);
        requete.Request.Headers["RequestVerificationToken"] = "";
        await Assert.ThrowsAsync<AntiforgeryValidationException>(() => noeud.ValidateRequestAsync(requete));
    }

    [Fact]
    public async Task A_pair_made_on_another_node_is_checked_once_by_the_framework_then_accepted_from_the_copy()
    {
        var ines = Connecte("ines");
        var autre = Noeud();
        var cookie = NouveauCookie(autre, ines);
        var jeton = autre.GetAndStoreTokens(Requete("GET", ines, cookie)).RequestToken!;

        var noeud = Noeud();
        var operations = _compteur.Operations;
        await noeud.ValidateRequestAsync(Requete("POST", ines, cookie, jeton));
        Assert.Equal(operations + 2, _compteur.Operations); // the cookie and the form token, each decrypted once
        await noeud.ValidateRequestAsync(Requete("POST", ines, cookie, jeton));
        Assert.Equal(operations + 2, _compteur.Operations);
    }

    [Fact]
    public void A_visitor_not_signed_in_is_served_from_the_copy_but_a_person_with_no_identifier_is_not()
    {
        var noeud = Noeud();
        var cookie = NouveauCookie(noeud, new ClaimsPrincipal(new ClaimsIdentity()));
        var jeton = noeud.GetAndStoreTokens(Requete("GET", null, cookie)).RequestToken;
        var operations = _compteur.Operations;
        Assert.Equal(jeton, noeud.GetAndStoreTokens(Requete("GET", null, cookie)).RequestToken);
        Assert.Equal(operations, _compteur.Operations);

        // The framework binds such a person's token to all their claims: the copy leaves them to it.
        var sansIdentifiant = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Email, "x@exemple.fr")], "autre"));
        noeud.GetAndStoreTokens(Requete("GET", sansIdentifiant, cookie));
        operations = _compteur.Operations;
        noeud.GetAndStoreTokens(Requete("GET", sansIdentifiant, cookie));
        Assert.True(_compteur.Operations > operations);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task In_the_portal_a_candidates_pages_carry_the_same_form_token_and_a_form_posted_with_it_is_accepted(string baseDeDonnees)
    {
        using var usine = UsineExamens.Pour(baseDeDonnees);
        var client = await Parcours.CandidatConnecteAsync(usine, "jetons@exemple.fr");

        await client.GetAsync("/candidat");
        var jeton = ClientPortail.Jeton(client.DernierePage);
        var accueil = await client.GetAsync("/candidat");
        Assert.Equal(jeton, ClientPortail.Jeton(client.DernierePage));
        Assert.Contains("no-store", accueil.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);

        var inscription = await Parcours.CommencerAsync(usine, client);
        Assert.Matches("^/candidat/inscriptions/[0-9a-f-]{36}$", inscription);
        Assert.Equal(jeton, ClientPortail.Jeton(client.DernierePage));
    }
}
