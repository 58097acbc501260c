using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Examens.Web.Infrastructure.Sante;

/// <summary>
/// Readiness: the database answers a real query on the product's tables. A bare connection is not enough: SQLite opens
/// (and creates) an empty file where the database was, and an empty database cannot serve a candidate.
/// </summary>
public sealed class VerificationBaseDeDonnees(ExamensDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await db.Sessions.AsNoTracking().OrderBy(s => s.Id).Select(s => s.Id).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy();
        }
#pragma warning disable CA1031 // any failure of the query means "not ready"; the health-check logs carry the details.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return HealthCheckResult.Unhealthy("Base de données injoignable ou incomplète.", e);
        }
    }
}
