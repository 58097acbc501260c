using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Sessions;

/// <summary>
/// The academies of every session with their windows, as the candidate's home page lists them: read once per node
/// for <see cref="Duree"/> instead of on each view (the most viewed page at the rush). Only what is shown comes from
/// here; every decision (a submission in the window, P12) reads the database. A change made through this node empties
/// it at once (<see cref="Persistance.InvalidationCopies"/>, and the convocations' publication); another node's change shows
/// here within <see cref="Duree"/> (docs/operations.md). The entities are shared and must only be read.
/// </summary>
public sealed class AcademiesEnCache(TimeProvider horloge)
{
    public static readonly TimeSpan Duree = TimeSpan.FromSeconds(2);

    private Instantane? _courant;
    private long _generation;

    private sealed record Instantane(IReadOnlyList<AcademieSession> Academies, long LuA, long Generation);

    public async Task<IReadOnlyList<AcademieSession>> ListerAsync(ExamensDbContext db, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        var courant = Volatile.Read(ref _courant);
        var generation = Interlocked.Read(ref _generation);
        if (courant is not null && courant.Generation == generation && horloge.GetElapsedTime(courant.LuA) < Duree)
        {
            return courant.Academies;
        }

        // The generation is taken before the read: a change saved meanwhile leaves this copy already out of date.
        var lue = await db.AcademiesSessions.AsNoTracking().Include(a => a.Session).ToListAsync(annulation).ConfigureAwait(false);
        var nouveau = new Instantane(lue, horloge.GetTimestamp(), generation);
        Volatile.Write(ref _courant, nouveau);
        return lue;
    }

    /// <summary>An academy or a session changed: the next view reads the database again.</summary>
    public void Invalider() => Interlocked.Increment(ref _generation);
}
