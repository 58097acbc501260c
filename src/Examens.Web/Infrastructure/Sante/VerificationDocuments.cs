using Examens.Core.Documents;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Examens.Web.Infrastructure.Sante;

/// <summary>Readiness: a document could be stored now.</summary>
public sealed class VerificationDocuments(IStockageDocuments stockage) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        await stockage.EstDisponibleAsync(cancellationToken).ConfigureAwait(false)
            ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Stockage des documents indisponible.");
}
