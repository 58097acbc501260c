using System.Net;
using System.Text.RegularExpressions;

namespace Examens.Web.Tests.Outils;

/// <summary>
/// A person's browser at the HTTP level: keeps cookies, follows the forms' antiforgery tokens, posts what a form
/// would post. For the journeys in a real browser, see Examens.Web.BrowserTests.
/// </summary>
public sealed partial class ClientPortail(HttpClient http)
{
    public HttpClient Http => http;

    /// <summary>The last page, entities decoded, as a person reads it.</summary>
    public string DernierePage { get; private set; } = "";

    public async Task<HttpResponseMessage> GetAsync(string url)
    {
        var reponse = await http.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);
        DernierePage = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Tracer(reponse);
        return reponse;
    }

    private int _numero;

    /// <summary>With EXAMENS_TRACE set to a folder, every page the test sees is written there to read a failure.</summary>
    private void Tracer(HttpResponseMessage reponse)
    {
        if (Environment.GetEnvironmentVariable("EXAMENS_TRACE") is { Length: > 0 } dossier)
        {
            Directory.CreateDirectory(dossier);
            File.WriteAllText(Path.Combine(dossier, $"{Interlocked.Increment(ref _numero):000}-{(int)reponse.StatusCode}.html"),
                $"<!-- {reponse.RequestMessage?.Method} {reponse.RequestMessage?.RequestUri} -->\n{DernierePage}");
        }
    }

    /// <summary>Opens <paramref name="url"/>, takes the antiforgery token of its form, and posts the fields.</summary>
    public async Task<HttpResponseMessage> SoumettreAsync(string url, IEnumerable<KeyValuePair<string, string>> champs, string? handler = null, string? depuis = null)
    {
        var page = depuis ?? url;
        await GetAsync(page);
        var cible = handler is null ? url : $"{url}{(url.Contains('?', StringComparison.Ordinal) ? "&" : "?")}handler={handler}";
        return await PosterDepuisAsync(DernierePage, page, cible, champs);
    }

    /// <summary>
    /// Posts a form of a page fetched earlier (a page opened at 16:59 and posted at 17:00). As a browser does: the
    /// token and hidden fields come from the form that posts to the target, not from anywhere in the page, so a form
    /// that lacks its antiforgery token fails here as it would for a person.
    /// </summary>
    public async Task<HttpResponseMessage> PosterDepuisAsync(string html, string page, string cible, IEnumerable<KeyValuePair<string, string>> champs)
    {
        var formulaire = Formulaire(html, page, cible);
        var jeton = Jeton(formulaire);
        var fournis = champs.Select(c => c.Key).ToHashSet(StringComparer.Ordinal);
        champs = [.. champs, .. ChampsCaches(formulaire).Where(c => !fournis.Contains(c.Key) && c.Key != "__RequestVerificationToken")];
        using var contenu = new FormUrlEncodedContent([.. champs, new("__RequestVerificationToken", jeton)]);
        var reponse = await http.PostAsync(new Uri(cible, UriKind.Relative), contenu, TestContext.Current.CancellationToken);
        DernierePage = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Tracer(reponse);
        return reponse;
    }

    public async Task<HttpResponseMessage> DeposerAsync(string url, string piece, byte[] fichier, string nom)
    {
        await GetAsync(url);
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(Jeton(DernierePage)), "__RequestVerificationToken" },
            { new StringContent(piece), "piece" },
            { new ByteArrayContent(fichier), "fichier", nom },
        };
        var reponse = await http.PostAsync(new Uri($"{url}?handler=Deposer", UriKind.Relative), contenu, TestContext.Current.CancellationToken);
        DernierePage = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return reponse;
    }

    /// <summary>The HTML of the page's form that posts to <paramref name="cible"/> (a form without action posts to its page).</summary>
    public static string Formulaire(string html, string page, string cible)
    {
        static string Chemin(string u) => u.Split('#')[0].TrimEnd('/');
        foreach (Match m in FormRegex().Matches(html))
        {
            var action = ActionRegex().Match(m.Groups[1].Value);
            var vers = action.Success ? action.Groups[1].Value : page;
            if (string.Equals(Chemin(vers), Chemin(cible), StringComparison.OrdinalIgnoreCase))
            {
                return m.Value;
            }
        }

        throw new InvalidOperationException($"Aucun formulaire de {page} n'envoie vers {cible}.");
    }

    [GeneratedRegex("<form([^>]*)>(.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex FormRegex();

    [GeneratedRegex(" action=\"([^\"]*)\"")]
    private static partial Regex ActionRegex();

    public static string Jeton(string html)
    {
        var m = JetonRegex().Match(html);
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("Pas de jeton antifalsification dans la page.");
    }

    public static IEnumerable<KeyValuePair<string, string>> ChampsCaches(string html)
    {
        foreach (Match m in CacheRegex().Matches(html))
        {
            var nom = NomRegex().Match(m.Value);
            var valeur = ValeurRegex().Match(m.Value);
            if (nom.Success)
            {
                yield return new(WebUtility.HtmlDecode(nom.Groups[1].Value), valeur.Success ? WebUtility.HtmlDecode(valeur.Groups[1].Value) : "");
            }
        }
    }

    [GeneratedRegex("<input[^>]*type=\"hidden\"[^>]*>")]
    private static partial Regex CacheRegex();

    [GeneratedRegex(" name=\"([^\"]+)\"")]
    private static partial Regex NomRegex();

    [GeneratedRegex(" value=\"([^\"]*)\"")]
    private static partial Regex ValeurRegex();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex JetonRegex();
}
