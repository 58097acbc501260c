using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Examens.Web.Infrastructure.Sante;

/// <summary>
/// The readiness answer: {"status":"ready"|"not_ready","checks":{"database":"ok"|"failed",…}}. Only names and
/// outcomes: an exception's text can name a host, a path or a user and is left to the logs.
/// </summary>
public static class ReponseSante
{
    public static async Task EcrireAsync(HttpContext http, HealthReport rapport)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(rapport);
        http.Response.ContentType = "application/json; charset=utf-8";
        var ecriture = new Utf8JsonWriter(http.Response.BodyWriter);
        await using (ecriture.ConfigureAwait(false))
        {
            ecriture.WriteStartObject();
            ecriture.WriteString("status", rapport.Status == HealthStatus.Healthy ? "ready" : "not_ready");
            ecriture.WriteStartObject("checks");
            foreach (var (nom, entree) in rapport.Entries.OrderBy(e => e.Key, StringComparer.Ordinal))
            {
                ecriture.WriteString(nom, entree.Status == HealthStatus.Healthy ? "ok" : "failed");
            }

            ecriture.WriteEndObject();
            ecriture.WriteEndObject();
            await ecriture.FlushAsync(http.RequestAborted).ConfigureAwait(false);
        }
    }
}
