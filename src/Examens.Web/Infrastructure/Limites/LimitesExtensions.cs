using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Examens.Web.Infrastructure.Limites;

/// <summary>
/// Rate limits (ASP.NET Core's RateLimiter, fixed windows) on sign-in, account creation, password reset, uploads and
/// the simulators; only the requests that act (POST) count, reading a page never does. A refused request gets 429 with
/// Retry-After, and a French page (or JSON under /api). The built-in limiters count on the system clock, not on an
/// injected TimeProvider: tests check the 429 and its Retry-After with small limits, not the window's end.
/// </summary>
public static class LimitesExtensions
{
    public const string CleAttente = "Examens.Limites.Attente";

    public static IServiceCollection AddLimites(this IServiceCollection services, IConfiguration section)
    {
        services.Configure<OptionsLimites>(section);
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<OptionsLimites>>().Value;
                var (nom, limite) = Choisir(http.Request, options);
                if (limite is null)
                {
                    return RateLimitPartition.GetNoLimiter("");
                }

                var qui = http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } compte
                    ? "compte:" + compte
                    : "adresse:" + (http.Connection.RemoteIpAddress?.ToString() ?? "inconnue");
                return RateLimitPartition.GetFixedWindowLimiter($"{nom}|{qui}", _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = Math.Max(1, limite.Nombre),
                    Window = TimeSpan.FromSeconds(Math.Max(1, limite.FenetreSecondes)),
                    QueueLimit = 0,
                });
            });
            o.OnRejected = RefuserAsync;
        });
        return services;
    }

    /// <summary>Which limit a request falls under, by its path (lowercase URLs) and method; null when none.</summary>
    public static (string Nom, Limite? Limite) Choisir(HttpRequest requete, OptionsLimites options)
    {
        ArgumentNullException.ThrowIfNull(requete);
        ArgumentNullException.ThrowIfNull(options);
        if (!HttpMethods.IsPost(requete.Method))
        {
            return ("", null);
        }

        var chemin = requete.Path.Value?.TrimEnd('/').ToLowerInvariant() ?? "";
        return chemin switch
        {
            "/compte/connexion" or "/gestion/connexion" or "/gestion/connexion/code" => ("connexion", options.Connexion),
            "/compte/creer" => ("creation", options.CreationCompte),
            "/compte/mot-de-passe-oublie" or "/compte/reinitialiser" => ("mot-de-passe", options.MotDePasse),
            "/candidat/identite/correction" => ("depots", options.Depots),
            _ when chemin.StartsWith("/candidat/inscriptions/", StringComparison.Ordinal) && chemin.EndsWith("/pieces", StringComparison.Ordinal) => ("depots", options.Depots),
            _ when chemin.StartsWith("/api/v1/simulations/", StringComparison.Ordinal) => ("simulations", options.Simulations),
            _ => ("", null),
        };
    }

    private static async ValueTask RefuserAsync(OnRejectedContext contexte, CancellationToken annulation)
    {
        var http = contexte.HttpContext;
        var secondes = contexte.Lease.TryGetMetadata(MetadataName.RetryAfter, out var attente) ? (int)Math.Ceiling(attente.TotalSeconds) : 60;
        http.Response.Headers.RetryAfter = secondes.ToString(CultureInfo.InvariantCulture);
        var message = $"Trop de demandes en peu de temps depuis votre connexion. Rien n'a été enregistré. Réessayez dans {Duree(secondes)}.";
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await http.Response.WriteAsJsonAsync(new
            {
                errors = new[] { new { rule = (string?)null, code = "TOO_MANY_REQUESTS", message, path = (string?)null } },
            }, annulation).ConfigureAwait(false);
            return;
        }

        // The French error page (status code pages run the pipeline again for /erreur/429) reads the wait from here.
        http.Items[CleAttente] = message;
    }

    private static string Duree(int secondes) => secondes switch
    {
        <= 1 => "1 seconde",
        < 120 => $"{secondes} secondes",
        _ => $"{(secondes + 59) / 60} minutes",
    };
}
