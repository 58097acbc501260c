using System.Data.Common;
using System.Runtime.CompilerServices;
using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Examens.Core.Persistance;

/// <summary>
/// Empties the node's copies when a save changes what they hold: <see cref="AcademiesEnCache"/> for an academy or a
/// session, a candidate's <see cref="AccueilEnCache"/> rows for one of the candidate's registrations or the account
/// (the identity's completeness, R68, shows on the home page; a document counts there through the registration's own
/// columns, which the same save updates). Before the save (no view keeps the old state once the change may be
/// visible) and after it (a view that read in between read the old one). One pass over the tracked entries, the
/// hottest saves (a submission) pay for it. A save inside a transaction the caller commits later is visible only
/// then: the second emptying waits for the commit (or the rollback).
/// </summary>
public sealed class InvalidationCopies(AcademiesEnCache academies, AccueilEnCache accueil) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    private sealed record Concernes(bool Academies, List<string>? Candidats);

    private readonly ConditionalWeakTable<DbContext, Concernes> _concernes = [];

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
        ApresSauvegarde(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        ApresSauvegarde(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Apres(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apres(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Apres(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Apres(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData) => Apres(eventData.Context);

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Apres(eventData.Context);
        return Task.CompletedTask;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Apres(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Apres(eventData.Context);
        return Task.CompletedTask;
    }

    private void Avant(DbContext? db)
    {
        if (db is null)
        {
            return;
        }

        var sessions = false;
        List<string>? candidats = null;
        foreach (var e in db.ChangeTracker.Entries())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted))
            {
                continue;
            }

            switch (e.Entity)
            {
                case AcademieSession or SessionExamen:
                    sessions = true;
                    break;
                case Inscription i when accueil.Actif:
                    (candidats ??= []).Add(i.CandidatId);
                    break;
                case Compte c when accueil.Actif:
                    (candidats ??= []).Add(c.Id);
                    break;
            }
        }

        if (sessions || candidats is not null)
        {
            var concernes = new Concernes(sessions, candidats);
            _concernes.AddOrUpdate(db, concernes);
            Vider(concernes);
        }
    }

    // Saved in a transaction still open: what the save changed becomes visible at its commit, so the copies are
    // emptied again then (a view that read in between read the old state).
    private void ApresSauvegarde(DbContext? db)
    {
        if (db?.Database.CurrentTransaction is null)
        {
            Apres(db);
        }
    }

    private void Apres(DbContext? db)
    {
        if (db is not null && _concernes.TryGetValue(db, out var concernes))
        {
            _concernes.Remove(db);
            Vider(concernes);
        }
    }

    private void Vider(Concernes concernes)
    {
        if (concernes.Academies)
        {
            academies.Invalider();
        }

        foreach (var id in concernes.Candidats ?? [])
        {
            accueil.Evincer(id);
        }
    }
}
