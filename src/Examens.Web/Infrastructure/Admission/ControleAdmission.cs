using Microsoft.Extensions.Options;

namespace Examens.Web.Infrastructure.Admission;

/// <summary>
/// Lets a request in when the node has a place, makes it wait a little when it has none, and answers "very busy"
/// rather than failing when the wait would be too long. A request let in is always served to the end; a browser let
/// in gets the admission cookie, and with it the priority lane for its next requests.
/// </summary>
public sealed class ControleAdmission(RequestDelegate suivant, PorteAdmission porte, BilletAdmission billet, IOptions<OptionsAdmission> options)
{
    private readonly TimeSpan _attenteMaximale = TimeSpan.FromSeconds(options.Value.AttenteMaximaleSecondes);
    private readonly int _relanceSecondes = options.Value.RelanceSecondes;

    public async Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (Exempte(http.Request.Path))
        {
            await suivant(http).ConfigureAwait(false);
            return;
        }

        var fin = billet.Lire(http.Request);
        using var place = await porte.EntrerAsync(fin is not null, _attenteMaximale, http.RequestAborted).ConfigureAwait(false);
        if (place is null)
        {
            if (!http.RequestAborted.IsCancellationRequested)
            {
                await ReponseOccupe.EcrireAsync(http, _relanceSecondes).ConfigureAwait(false);
            }

            return;
        }

        billet.Delivrer(http, fin);
        await suivant(http).ConfigureAwait(false);
    }

    /// <summary>Probes and static files: cheap, and a busy node must still say whether it is alive.</summary>
    public static bool Exempte(PathString chemin) =>
        chemin.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase)
        || chemin.StartsWithSegments("/readyz", StringComparison.OrdinalIgnoreCase)
        || chemin.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase)
        || chemin.StartsWithSegments("/js", StringComparison.OrdinalIgnoreCase)
        || chemin.Equals("/favicon.ico", StringComparison.OrdinalIgnoreCase);
}
