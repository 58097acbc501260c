using Examens.Core.Persistance;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Examens.Web.Infrastructure.Sante;

/// <summary>Readiness: the database answers a connection.</summary>
public sealed class VerificationBaseDeDonnees(ExamensDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await db.Database.CanConnectAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Base de données injoignable.");
}
