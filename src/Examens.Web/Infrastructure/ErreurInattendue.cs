using System.Diagnostics;

namespace Examens.Web.Infrastructure;

/// <summary>An unexpected failure: a French sentence and a reference for the support, never internals.</summary>
public static class ErreurInattendue
{
    public static void Configurer(IApplicationBuilder app) => app.Run(async http =>
    {
        var reference = Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier;
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        if (http.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            await http.Response.WriteAsJsonAsync(new
            {
                errors = new[] { new { rule = (string?)null, code = "INTERNAL_ERROR", message = $"Erreur interne du service ; référence {reference}.", path = (string?)null } },
            }).ConfigureAwait(false);
            return;
        }

        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(
            $"<!doctype html><html lang=\"fr\"><head><meta charset=\"utf-8\"><title>Erreur – Examens</title></head><body><main><h1>Une erreur est survenue</h1><p>Rien de ce que vous avez enregistré n'est perdu. Réessayez dans un instant ; si l'erreur persiste, donnez au service des examens la référence {reference}.</p><p><a href=\"/\">Retour à l'accueil</a></p></main></body></html>")
            .ConfigureAwait(false);
    });
}
