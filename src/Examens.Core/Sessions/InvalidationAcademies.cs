using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Examens.Core.Sessions;

/// <summary>
/// Empties <see cref="AcademiesEnCache"/> when a save adds, changes or removes an academy or a session: before the
/// save (no view keeps the old window once the change may be visible) and after it (a view that read in between
/// read the old one).
/// </summary>
public sealed class InvalidationAcademies(AcademiesEnCache cache) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, object> _concernes = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Avant(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Avant(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Apres(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Apres(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Apres(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Apres(eventData.Context);
        return Task.CompletedTask;
    }

    private void Avant(DbContext? db)
    {
        if (db is not null && db.ChangeTracker.Entries().Any(e =>
                e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && e.Entity is AcademieSession or SessionExamen))
        {
            _concernes.AddOrUpdate(db, this);
            cache.Invalider();
        }
    }

    private void Apres(DbContext? db)
    {
        if (db is not null && _concernes.Remove(db))
        {
            cache.Invalider();
        }
    }
}
