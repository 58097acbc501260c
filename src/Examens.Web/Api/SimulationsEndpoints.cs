using Examens.Core.Simulations;

namespace Examens.Web.Api;

/// <summary>
/// POST /api/v1/simulations/deliberation and /registration (simulation-api.md): no login, nothing stored, the same
/// JSON as the command line. 200 valid, 422 a rule is broken or the shape is wrong, 400 the body is not JSON
/// (whatever type it declares).
/// </summary>
public static class SimulationsEndpoints
{
    /// <summary>A simulation fits in a few kilobytes; anything much larger is refused before it is read whole.</summary>
    public const int TailleMaximale = 256 * 1024;

    public static IEndpointRouteBuilder MapSimulations(this IEndpointRouteBuilder routes)
    {
        var groupe = routes.MapGroup("/api/v1/simulations");
        groupe.MapPost("/deliberation", (HttpContext http) =>
            RepondreAsync(http, SimulationDeliberation.Executer));
        groupe.MapPost("/registration", (HttpContext http, SimulationInscription simulation) =>
            RepondreAsync(http, simulation.Executer));
        return routes;
    }

    private static async Task RepondreAsync(HttpContext http, Func<ReadOnlyMemory<byte>, ResultatSimulation> simuler)
    {
        var requete = http.Request;
        // The body is read as JSON whatever Content-Type says (curl -d declares a form, some clients declare
        // nothing): the contract answers 400 to what does not parse. Nothing is stored and no cookie is read, so a
        // cross-site post gains nothing.
        if (requete.ContentLength > TailleMaximale)
        {
            await ErreurAsync(http, StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE",
                $"Le document dépasse {TailleMaximale / 1024} Ko.").ConfigureAwait(false);
            return;
        }

        using var tampon = new MemoryStream();
        var bloc = new byte[16 * 1024];
        int lus;
        while ((lus = await requete.Body.ReadAsync(bloc, http.RequestAborted).ConfigureAwait(false)) > 0)
        {
            // The limit holds while reading, whatever Content-Length claimed (chunked bodies have none).
            if (tampon.Length + lus > TailleMaximale)
            {
                await ErreurAsync(http, StatusCodes.Status413PayloadTooLarge, "PAYLOAD_TOO_LARGE",
                    $"Le document dépasse {TailleMaximale / 1024} Ko.").ConfigureAwait(false);
                return;
            }

            tampon.Write(bloc, 0, lus);
        }

        var resultat = simuler(tampon.GetBuffer().AsMemory(0, (int)tampon.Length));
        http.Response.StatusCode = resultat.StatutHttp;
        http.Response.ContentType = "application/json; charset=utf-8";
        await http.Response.Body.WriteAsync(resultat.Json, http.RequestAborted).ConfigureAwait(false);
    }

    private static Task ErreurAsync(HttpContext http, int statut, string code, string message)
    {
        http.Response.StatusCode = statut;
        return http.Response.WriteAsJsonAsync(new
        {
            errors = new[] { new { rule = (string?)null, code, message, path = (string?)null } },
        });
    }
}
