using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Examens.Web.Infrastructure.Sante;

/// <summary>
/// /healthz: the process answers (liveness, no dependency: restarting a node never fixes a database).
/// /readyz: this node can serve candidates now: database and document store (readiness, for the load balancer).
/// </summary>
public static class SanteExtensions
{
    private const string Pret = "pret";

    public static IServiceCollection AddSante(this IServiceCollection services)
    {
        // A hung dependency must not hang the probe: past this the check counts as failed.
        var limite = TimeSpan.FromSeconds(5);
        services.AddHealthChecks()
            .AddCheck<VerificationBaseDeDonnees>("database", HealthStatus.Unhealthy, [Pret], limite)
            .AddCheck<VerificationDocuments>("documents", HealthStatus.Unhealthy, [Pret], limite);
        return services;
    }

    public static IEndpointRouteBuilder MapSante(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => Results.Text("ok", "text/plain"));
        routes.MapHealthChecks("/readyz", new HealthCheckOptions
        {
            Predicate = v => v.Tags.Contains(Pret),
            ResponseWriter = ReponseSante.EcrireAsync,
        });
        return routes;
    }
}
