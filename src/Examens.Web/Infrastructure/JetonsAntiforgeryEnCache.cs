using System.Security.Claims;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Examens.Web.Infrastructure;

/// <summary>
/// The antiforgery tokens, made and checked once per node, browser and person for <see cref="Duree"/>. Every page with a
/// form (the sign-out button is on every page) otherwise costs two data-protection operations: reading the browser's
/// antiforgery cookie and sealing a new form token; every post costs two more to read both back. A form token is valid
/// for as long as the cookie it was made for, the same person signed in, so the one made for this cookie and this
/// person is shown again, and a pair (cookie, form token, person) already accepted is accepted again.
/// <para>
/// Nothing is accepted that the framework would refuse: only pairs the framework made or accepted itself are kept,
/// under the exact cookie and the person the token names (the claim it is bound to), and anything else goes to it
/// as before. The copies bound how long a revoked data-protection key goes on being honoured for a pair already
/// seen, as <see cref="Comptes.TicketsLusEnCache"/> does for the session cookie. It holds while tokens carry no
/// additional data of the application's own (no <c>IAntiforgeryAdditionalDataProvider</c> is registered here).
/// </para>
/// </summary>
public sealed class JetonsAntiforgeryEnCache(IAntiforgery interne, IOptions<AntiforgeryOptions> options, TimeProvider horloge) : IAntiforgery
{
    /// <summary>At most this many browsers' tokens, and as many accepted pairs (a few hundred bytes each).</summary>
    public const int Capacite = 20_000;

    public static readonly TimeSpan Duree = TimeSpan.FromMinutes(5);

    private readonly AntiforgeryOptions _options = options.Value;
    private readonly CopieBornee<string> _faits = new(Capacite);
    private readonly CopieBornee<bool> _acceptes = new(Capacite);

    public AntiforgeryTokenSet GetAndStoreTokens(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var cle = CleNavigateur(httpContext);
        var maintenant = horloge.GetUtcNow();
        if (cle is not null && _faits.TryLire(cle, maintenant, out var jeton))
        {
            // What the framework does on every page with a token: such a page is never cached.
            if (!httpContext.Response.HasStarted)
            {
                PasDeCache(httpContext.Response);
            }

            return new AntiforgeryTokenSet(jeton, null, _options.FormFieldName, _options.HeaderName);
        }

        var jetons = interne.GetAndStoreTokens(httpContext);
        Garder(httpContext, cle, jetons, maintenant);
        return jetons;
    }

    public AntiforgeryTokenSet GetTokens(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var cle = CleNavigateur(httpContext);
        var jetons = interne.GetTokens(httpContext);
        Garder(httpContext, cle, jetons, horloge.GetUtcNow());
        return jetons;
    }

    public async Task<bool> IsRequestValidAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        if (HttpMethods.IsGet(httpContext.Request.Method) || HttpMethods.IsHead(httpContext.Request.Method)
            || HttpMethods.IsOptions(httpContext.Request.Method) || HttpMethods.IsTrace(httpContext.Request.Method))
        {
            return await interne.IsRequestValidAsync(httpContext);
        }

        var cle = await ClePaireAsync(httpContext);
        var maintenant = horloge.GetUtcNow();
        if (cle is not null && _acceptes.TryLire(cle, maintenant, out _))
        {
            return true;
        }

        var valide = await interne.IsRequestValidAsync(httpContext);
        if (valide && cle is not null)
        {
            _acceptes.Garder(cle, true, maintenant + Duree, maintenant);
        }

        return valide;
    }

    public async Task ValidateRequestAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var cle = await ClePaireAsync(httpContext);
        var maintenant = horloge.GetUtcNow();
        if (cle is not null && _acceptes.TryLire(cle, maintenant, out _))
        {
            return;
        }

        // Throws on a refused pair: nothing is kept then.
        await interne.ValidateRequestAsync(httpContext);
        if (cle is not null)
        {
            _acceptes.Garder(cle, true, maintenant + Duree, maintenant);
        }
    }

    public void SetCookieTokenAndHeader(HttpContext httpContext) => interne.SetCookieTokenAndHeader(httpContext);

    private void Garder(HttpContext httpContext, string? cle, AntiforgeryTokenSet jetons, DateTimeOffset maintenant)
    {
        // The framework makes one token per request, for the person signed in when it is first asked: if the person
        // changed since (a sign-in during the request), that token is not theirs.
        var premiere = httpContext.Items.TryGetValue(typeof(JetonsAntiforgeryEnCache), out var vue) ? vue as string : null;
        if (premiere is null)
        {
            httpContext.Items[typeof(JetonsAntiforgeryEnCache)] = cle ?? "";
        }

        // A new cookie was issued (none, or an unreadable one, came in): the token belongs to that new cookie, which
        // the browser has not sent yet.
        if (cle is null || (premiere is not null && premiere != cle) || jetons.CookieToken is not null || jetons.RequestToken is null)
        {
            return;
        }

        _faits.Garder(cle, jetons.RequestToken, maintenant + Duree, maintenant);
        _acceptes.Garder($"{cle}\n{jetons.RequestToken}", true, maintenant + Duree, maintenant);
    }

    /// <summary>The browser's antiforgery cookie and the person a token made now would name, or null when not to keep.</summary>
    private string? CleNavigateur(HttpContext httpContext)
    {
        var cookie = httpContext.Request.Cookies[_options.Cookie.Name!];
        return string.IsNullOrEmpty(cookie) || Personne(httpContext.User) is not { } personne ? null : $"{personne}\n{cookie}";
    }

    /// <summary>The same key, with the form token the post carries (its header first, then its form, as the framework reads them).</summary>
    private async Task<string?> ClePaireAsync(HttpContext httpContext)
    {
        var navigateur = CleNavigateur(httpContext);
        if (navigateur is null)
        {
            return null;
        }

        // A header present, even empty, is the token: the framework reads the form only when there is none.
        var enTete = _options.HeaderName is null ? default : httpContext.Request.Headers[_options.HeaderName];
        var jeton = enTete.ToString();
        if (enTete.Count == 0 && httpContext.Request.HasFormContentType && !_options.SuppressReadingTokenFromFormBody)
        {
            try
            {
                jeton = (await httpContext.Request.ReadFormAsync())[_options.FormFieldName].ToString();
            }
            catch (Exception e) when (e is InvalidDataException or IOException)
            {
                return null; // an unreadable or cut form: the framework reads it again and reports it its own way
            }
        }

        return string.IsNullOrEmpty(jeton) ? null : $"{navigateur}\n{jeton}";
    }

    /// <summary>
    /// Who a form token names, as the framework binds it: the first signed-in identity's "sub", else its name identifier,
    /// else its UPN (with the claim's issuer); "" for an anonymous visitor. Null (nothing kept) when a signed-in person
    /// has none of them: the framework then binds the token to all their claims.
    /// </summary>
    private static string? Personne(ClaimsPrincipal utilisateur)
    {
        foreach (var identite in utilisateur.Identities)
        {
            if (!identite.IsAuthenticated)
            {
                continue;
            }

            var revendication = Premiere(identite, "sub") ?? Premiere(identite, ClaimTypes.NameIdentifier) ?? Premiere(identite, ClaimTypes.Upn);
            return revendication is null ? null : $"{revendication.Type}\n{revendication.Value}\n{revendication.Issuer}";
        }

        return "";
    }

    /// <summary>The first claim of the type, as the framework takes it: only then is an empty value passed over.</summary>
    private static Claim? Premiere(ClaimsIdentity identite, string type) =>
        identite.FindFirst(c => string.Equals(c.Type, type, StringComparison.Ordinal)) is { Value.Length: > 0 } revendication ? revendication : null;

    /// <summary>The framework's headers for a page with a token, left as they are when they already say so.</summary>
    private static void PasDeCache(HttpResponse reponse)
    {
        var cacheControl = reponse.Headers.CacheControl.ToString();
        if (!(cacheControl.Contains("no-cache", StringComparison.OrdinalIgnoreCase) && cacheControl.Contains("no-store", StringComparison.OrdinalIgnoreCase)))
        {
            reponse.Headers.CacheControl = "no-cache, no-store";
        }

        if (!string.Equals(reponse.Headers.Pragma.ToString(), "no-cache", StringComparison.OrdinalIgnoreCase))
        {
            reponse.Headers.Pragma = "no-cache";
        }
    }
}
