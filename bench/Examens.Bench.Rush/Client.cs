using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Examens.Bench.Rush;

/// <summary>One generated candidate as the load sees it: their cookie jar, their form token, what happened to them.</summary>
internal sealed class Candidat(int numero, string courriel, Guid inscription)
{
    public int Numero { get; } = numero;

    public string Courriel { get; } = courriel;

    public Guid Inscription { get; } = inscription;

    /// <summary>Cookies are kept per candidate and sent by hand: the connection pool is shared, the session is not.</summary>
    public CookieContainer Cookies { get; } = new();

    public string Jeton { get; set; } = "";

    public string Revision { get; set; } = "0";

    /// <summary>The submission form's idempotency key, as a browser posts it (the same on a retry of the same form).</summary>
    public string Cle { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>Holds back the first submission until this instant (Stopwatch ticks): the latecomers around the close.</summary>
    public long? LibereA { get; set; }

    /// <summary>The submission had its final answer (a receipt or a refusal); errors leave it to try again.</summary>
    public bool SoumissionTerminee { get; set; }

    public bool EssaiApresCloture { get; set; }

    public int Essais { get; set; }

    public int Recus;

    public int DepotsReussis;

    public Uri Recapitulatif => new($"/candidat/inscriptions/{Inscription}/recapitulatif", UriKind.Relative);

    public Uri Soumettre => new($"/candidat/inscriptions/{Inscription}/recapitulatif?handler=Soumettre", UriKind.Relative);

    public Uri Deposer => new($"/candidat/inscriptions/{Inscription}/pieces?handler=Deposer", UriKind.Relative);
}

internal readonly record struct Reponse(HttpStatusCode Statut, Uri? Redirection, string? Corps, long Debut, long Fin);

/// <summary>
/// The load tool: one HttpClient over one SocketsHttpHandler for every virtual user, at most one connection per
/// virtual user, no redirects followed (a redirect is the answer: the receipt, the upload's confirmation), and each
/// candidate's cookies sent from their own jar.
/// </summary>
internal sealed partial class Navigateur : IDisposable
{
    private readonly HttpClient _http;

    public Navigateur(Uri adresse, int connexions)
    {
        var gestionnaire = new SocketsHttpHandler
        {
            UseCookies = false,
            AllowAutoRedirect = false,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            MaxConnectionsPerServer = connexions,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(10),
        };
        _http = new HttpClient(gestionnaire, disposeHandler: true) { BaseAddress = adresse, Timeout = TimeSpan.FromSeconds(30) };
        _http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
    }

    public Uri Adresse => _http.BaseAddress!;

    /// <summary>Sends one request with the jar's cookies, stores the cookies set, reads the whole body (kept when asked).</summary>
    public async Task<Reponse> EnvoyerAsync(CookieContainer cookies, HttpMethod methode, Uri chemin, HttpContent? contenu, bool garderCorps, CancellationToken annulation)
    {
        var absolue = new Uri(Adresse, chemin);
        using var requete = new HttpRequestMessage(methode, chemin) { Content = contenu, Version = HttpVersion.Version11 };
        var enTete = cookies.GetCookieHeader(absolue);
        if (enTete.Length > 0)
        {
            requete.Headers.Add("Cookie", enTete);
        }

        var debut = Stopwatch.GetTimestamp();
        using var reponse = await _http.SendAsync(requete, HttpCompletionOption.ResponseHeadersRead, annulation).ConfigureAwait(false);
        if (reponse.Headers.TryGetValues("Set-Cookie", out var poses))
        {
            foreach (var pose in poses)
            {
                cookies.SetCookies(absolue, pose);
            }
        }

        string? corps = null;
        if (garderCorps)
        {
            corps = await reponse.Content.ReadAsStringAsync(annulation).ConfigureAwait(false);
        }
        else
        {
            await reponse.Content.CopyToAsync(Stream.Null, annulation).ConfigureAwait(false);
        }

        return new Reponse(reponse.StatusCode, reponse.Headers.Location, corps, debut, Stopwatch.GetTimestamp());
    }

    /// <summary>Signs in as a person does (the form's token, then the post) and takes the submission form's token.</summary>
    public async Task ConnecterAsync(Candidat c, string motDePasse, Serie serie, CancellationToken annulation)
    {
        var connexion = new Uri("/compte/connexion", UriKind.Relative);
        var page = await EnvoyerAsync(c.Cookies, HttpMethod.Get, connexion, null, true, annulation).ConfigureAwait(false);
        Attendre(page, HttpStatusCode.OK, "la page de connexion", c);
        using var formulaire = new FormUrlEncodedContent(
        [
            new("Courriel", c.Courriel), new("MotDePasse", motDePasse), new("__RequestVerificationToken", Jeton(page.Corps!)),
        ]);
        var envoi = await EnvoyerAsync(c.Cookies, HttpMethod.Post, connexion, formulaire, true, annulation).ConfigureAwait(false);
        serie.Ajouter(envoi.Debut, envoi.Fin, envoi.Statut == HttpStatusCode.Redirect ? Issue.Succes : Issue.Erreur, $"HTTP {(int)envoi.Statut}");
        if (envoi.Statut != HttpStatusCode.Redirect || envoi.Redirection?.OriginalString != "/candidat")
        {
            throw new InvalidOperationException($"Connexion refusée pour {c.Courriel} : HTTP {(int)envoi.Statut} {envoi.Redirection}");
        }

        var recap = await EnvoyerAsync(c.Cookies, HttpMethod.Get, c.Recapitulatif, null, true, annulation).ConfigureAwait(false);
        Attendre(recap, HttpStatusCode.OK, "le récapitulatif", c);
        var form = FormulaireSoumettre().Match(recap.Corps!);
        if (!form.Success)
        {
            throw new InvalidOperationException($"Pas de formulaire de soumission sur le récapitulatif de {c.Courriel} (fenêtre fermée ?).");
        }

        if (form.Value.Contains("aria-disabled", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Le brouillon préparé pour {c.Courriel} n'est pas soumissible : {Erreurs(recap.Corps!)}");
        }

        c.Jeton = Jeton(form.Value);
        if (CleRegex().Match(form.Value) is { Success: true } cle)
        {
            c.Cle = cle.Groups[1].Value;
        }

        var revision = RevisionRegex().Match(form.Value);
        c.Revision = revision.Success ? revision.Groups[1].Value : "0";
    }

    private static void Attendre(Reponse r, HttpStatusCode attendu, string quoi, Candidat c)
    {
        if (r.Statut != attendu)
        {
            throw new InvalidOperationException($"{quoi} de {c.Courriel} : HTTP {(int)r.Statut} {r.Redirection}");
        }
    }

    public static string Jeton(string html)
    {
        var m = JetonRegex().Match(html);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("Pas de jeton antifalsification dans la page.");
    }

    /// <summary>The page's error messages, to say why a request was refused.</summary>
    public static string Erreurs(string html)
    {
        var resume = ResumeRegex().Match(html);
        var messages = ErreurRegex().Matches(resume.Success ? resume.Value : "").Select(m => WebUtility.HtmlDecode(BaliseRegex().Replace(m.Groups[1].Value, " ")).Trim())
            .Where(m => m.Length > 0).Distinct(StringComparer.Ordinal).Take(3);
        var texte = string.Join(" | ", messages);
        return texte.Length == 0 ? "(aucun message d'erreur trouvé)" : texte;
    }

    public void Dispose() => _http.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex JetonRegex();

    [GeneratedRegex("<form[^>]*handler=Soumettre[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormulaireSoumettre();

    [GeneratedRegex("name=\"__Idempotence\" value=\"([^\"]*)\"")]
    private static partial Regex CleRegex();

    [GeneratedRegex("name=\"Revision\" value=\"([^\"]*)\"")]
    private static partial Regex RevisionRegex();

    [GeneratedRegex("<div class=\"resume-erreurs\".*?</div>", RegexOptions.Singleline)]
    private static partial Regex ResumeRegex();

    [GeneratedRegex("<li>(.*?)</li>", RegexOptions.Singleline)]
    private static partial Regex ErreurRegex();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex BaliseRegex();
}
