using System.Runtime.CompilerServices;
using Examens.Core.Comptes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Examens.Core.Inscriptions;

/// <summary>
/// Empties a candidate's copy in <see cref="AccueilEnCache"/> when a save adds, changes or removes one of the
/// candidate's registrations or the account (the identity's completeness, R68, shows there): before the save and
/// after it (a view that read in between read the old rows). A registration's documents count on the home page
/// through the registration's own columns, which the same save updates (SuiviPieces).
/// </summary>
public sealed class InvalidationAccueil(AccueilEnCache cache) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<string>> _concernes = [];

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
        if (db is null || !cache.Actif)
        {
            return;
        }

        List<string>? candidats = null;
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            var id = e.Entity switch
            {
                Inscription i => i.CandidatId,
                Compte c => c.Id,
                _ => null,
            };
            if (id is not null)
            {
                (candidats ??= []).Add(id);
                cache.Evincer(id);
            }
        }

        if (candidats is not null)
        {
            _concernes.AddOrUpdate(db, candidats);
        }
    }

    private void Apres(DbContext? db)
    {
        if (db is not null && _concernes.TryGetValue(db, out var candidats))
        {
            _concernes.Remove(db);
            foreach (var id in candidats)
            {
                cache.Evincer(id);
            }
        }
    }
}
