using System.Globalization;
using System.Text.Encodings.Web;

namespace Examens.Web.Infrastructure.Admission;

/// <summary>
/// What a request the node cannot take gets: 503 with Retry-After; a calm French page that reloads itself (a meta
/// refresh: the Content-Security-Policy forbids inline script), or the API's JSON error.
/// </summary>
public static class ReponseOccupe
{
    public static Task EcrireAsync(HttpContext http, int relanceSecondes)
    {
        ArgumentNullException.ThrowIfNull(http);
        // A little at random, so that the pages refused together do not all come back in the same second.
        var delai = relanceSecondes + Random.Shared.Next(0, (relanceSecondes / 2) + 1);
        var reponse = http.Response;
        reponse.StatusCode = StatusCodes.Status503ServiceUnavailable;
        reponse.Headers.RetryAfter = delai.ToString(CultureInfo.InvariantCulture);
        reponse.Headers.CacheControl = "no-store";
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return reponse.WriteAsJsonAsync(new
            {
                errors = new[]
                {
                    new { rule = (string?)null, code = "SERVICE_BUSY", message = $"Le service est très sollicité en ce moment ; réessayez dans {delai} secondes.", path = (string?)null },
                },
            });
        }

        var adresse = HtmlEncoder.Default.Encode(AdresseDeRetour(http.Request));
        var formulaire = HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) ? "" :
            "<p>Le formulaire que vous venez d'envoyer n'a pas encore été pris en compte : quand la page se rouvrira, vérifiez-le et envoyez-le de nouveau.</p>";
        reponse.ContentType = "text/html; charset=utf-8";
        return reponse.WriteAsync($"""
            <!doctype html>
            <html lang="fr">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="refresh" content="{delai};url={adresse}">
            <title>Portail très sollicité – Examens</title>
            <link rel="stylesheet" href="/css/site.css">
            </head>
            <body>
            <main id="contenu" class="conteneur">
            <h1>Le portail est très sollicité</h1>
            <p class="chapo">Beaucoup de candidats utilisent le portail en ce moment. Votre demande n'a pas encore pu être prise en charge : cette page se rechargera d'elle-même dans {delai} secondes.</p>
            <p>Rien de ce que vous avez déjà enregistré n'est perdu : vos brouillons, vos soumissions et vos pièces déposées sont conservés.</p>
            {formulaire}
            <p>L'heure limite est vérifiée par l'horloge du serveur au moment où votre demande est acceptée. Inutile de recharger la page plus souvent : elle le fait toute seule.</p>
            <p><a href="{adresse}">Recharger la page maintenant</a></p>
            </main>
            </body>
            </html>
            """);
    }

    /// <summary>
    /// The same address, to come back to; only ever a path on this site (a path such as "//ailleurs.fr" would send
    /// the browser elsewhere).
    /// </summary>
    public static string AdresseDeRetour(HttpRequest requete)
    {
        ArgumentNullException.ThrowIfNull(requete);
        var adresse = (requete.PathBase + requete.Path).ToUriComponent() + requete.QueryString.ToUriComponent();
        return adresse.StartsWith('/') && !adresse.StartsWith("//", StringComparison.Ordinal) && !adresse.StartsWith("/\\", StringComparison.Ordinal)
            ? adresse
            : "/";
    }
}
