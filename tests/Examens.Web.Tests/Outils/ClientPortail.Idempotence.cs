using System.Net;
using System.Text.RegularExpressions;

namespace Examens.Web.Tests.Outils;

public sealed partial class ClientPortail
{
    /// <summary>The idempotency key of the upload form of <paramref name="piece"/> in a page fetched earlier.</summary>
    public static string CleDepot(string html, string piece)
    {
        foreach (Match m in FormRegex().Matches(html))
        {
            if (m.Value.Contains($"name=\"piece\" value=\"{piece}\"", StringComparison.Ordinal))
            {
                return ChampsCaches(m.Value).Single(c => c.Key == "__Idempotence").Value;
            }
        }

        throw new InvalidOperationException($"Pas de formulaire de dépôt pour {piece}.");
    }

    /// <summary>Uploads as the page's form does, with its antiforgery token and the given idempotency key.</summary>
    public async Task<HttpResponseMessage> DeposerAvecCleAsync(string url, string jeton, string piece, byte[] fichier, string nom, string cle)
    {
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(jeton), "__RequestVerificationToken" },
            { new StringContent(cle), "__Idempotence" },
            { new StringContent(piece), "piece" },
            { new ByteArrayContent(fichier), "fichier", nom },
        };
        var reponse = await http.PostAsync(new Uri($"{url}?handler=Deposer", UriKind.Relative), contenu, TestContext.Current.CancellationToken);
        DernierePage = WebUtility.HtmlDecode(await reponse.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        return reponse;
    }
}
