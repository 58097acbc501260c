using System.Globalization;
using Examens.Core.Inscriptions;

namespace Examens.Web.Infrastructure;

/// <summary>
/// Remembers, in the browser, when a signed-in person last sent a change (any form post): the home page then does not
/// show a node's copy read before it (<see cref="AccueilEnCache"/>), on whichever node the change was made and
/// whichever node shows the page. The cookie holds an instant, nothing personal; changing it only makes one's own
/// home page read the database.
/// </summary>
public sealed class EcritureCandidat(RequestDelegate suivant, TimeProvider horloge)
{
    public const string Cookie = "examens-modifie";

    // Longer than a copy lives plus the clocks' margin: past it, every copy on every node is younger than the change.
    private static readonly TimeSpan Vie = TimeSpan.FromMinutes(1);

    public Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        var methode = http.Request.Method;
        if (http.User.Identity?.IsAuthenticated == true && !(HttpMethods.IsGet(methode) || HttpMethods.IsHead(methode) || HttpMethods.IsOptions(methode)))
        {
            http.Response.OnStarting(() =>
            {
                // When the answer starts, the change is saved: every copy read before it is older than this instant.
                var instant = horloge.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                http.Response.Cookies.Append(Cookie, instant, new CookieOptions
                {
                    HttpOnly = true,
                    IsEssential = true,
                    SameSite = SameSiteMode.Lax,
                    Secure = http.Request.IsHttps,
                    Path = "/",
                    MaxAge = Vie,
                });
                return Task.CompletedTask;
            });
        }

        return suivant(http);
    }

    /// <summary>The instant of the person's last change, when the browser still holds it (a minute); else null.</summary>
    public static DateTimeOffset? Lire(HttpRequest requete)
    {
        ArgumentNullException.ThrowIfNull(requete);
        return requete.Cookies.TryGetValue(Cookie, out var v) && long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var ms)
            && ms <= DateTimeOffset.MaxValue.ToUnixTimeMilliseconds()
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
    }
}
