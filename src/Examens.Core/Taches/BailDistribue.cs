using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Taches;

/// <summary>
/// Background work is done once across nodes: a job runs only on the node that takes its lease. Taking it is one
/// conditional UPDATE (free, expired, or already ours), so two nodes can never both hold it; the first use inserts the
/// row, and the primary key settles two first uses at once.
/// </summary>
public sealed class BailDistribue(ExamensDbContext db, TimeProvider horloge)
{
    public async Task<bool> PrendreAsync(string nom, string detenteur, TimeSpan duree, CancellationToken annulation)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var expiration = maintenant + duree;
        var pris = await db.Set<Bail>()
            .Where(b => b.Nom == nom && (b.ExpireLeUtc <= maintenant || b.Detenteur == detenteur))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.Detenteur, detenteur).SetProperty(b => b.ExpireLeUtc, expiration), annulation)
            .ConfigureAwait(false);
        if (pris == 1)
        {
            return true;
        }

        if (await db.Set<Bail>().AnyAsync(b => b.Nom == nom, annulation).ConfigureAwait(false))
        {
            return false;
        }

        db.Set<Bail>().Add(new Bail { Nom = nom, Detenteur = detenteur, ExpireLeUtc = expiration });
        try
        {
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
            return true;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            return false;
        }
    }

    public async Task RendreAsync(string nom, string detenteur, CancellationToken annulation) =>
        await db.Set<Bail>().Where(b => b.Nom == nom && b.Detenteur == detenteur)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.ExpireLeUtc, DateTime.MinValue.ToUniversalTime()), annulation).ConfigureAwait(false);
}
