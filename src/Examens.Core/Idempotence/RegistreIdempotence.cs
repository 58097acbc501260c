using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Core.Idempotence;

public enum EtatCle
{
    /// <summary>First time this key is seen: the request runs, and its answer is recorded.</summary>
    Nouvelle,

    /// <summary>Already done: the recorded answer is given back, nothing runs again.</summary>
    DejaFaite,

    /// <summary>The first request with this key is still running (or was cut less than <see cref="RegistreIdempotence.Abandon"/> ago).</summary>
    EnCours,
}

public sealed record Reservation(EtatCle Etat, string? Resultat);

/// <summary>
/// The idempotency keys of state-changing requests, in their own database context (so a failing page's change
/// tracker never carries a key, and a key is committed before the work starts). The unique index (account, key)
/// decides between two simultaneous requests: one inserts, the other sees it.
/// </summary>
public sealed class RegistreIdempotence(IServiceScopeFactory portees, TimeProvider horloge)
{
    /// <summary>A key still "running" after this long belongs to a request cut short (process killed): it is taken over.</summary>
    public static readonly TimeSpan Abandon = TimeSpan.FromMinutes(2);

    /// <summary>How long a key is remembered: longer than any retry a browser or a person makes.</summary>
    public static readonly TimeSpan Conservation = TimeSpan.FromHours(24);

    public async Task<Reservation> ReserverAsync(string compteId, string cle, string route, CancellationToken annulation)
    {
        for (var essai = 0; essai < 2; essai++)
        {
            using var portee = portees.CreateScope();
            var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
            var maintenant = horloge.GetUtcNow().UtcDateTime;
            // The usual case, a new key, in one statement: the unique index (account, key) turns a second insert into
            // nothing, on both databases, and only then is the existing key read.
            var ajoutees = await db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "ClesIdempotence" ("CompteId", "Cle", "Route", "InstantUtc") VALUES ({compteId}, {cle}, {route}, {maintenant}) ON CONFLICT DO NOTHING""",
                annulation).ConfigureAwait(false);
            if (ajoutees == 1)
            {
                return new Reservation(EtatCle.Nouvelle, null);
            }

            var existante = await db.ClesIdempotence.AsNoTracking()
                .FirstOrDefaultAsync(c => c.CompteId == compteId && c.Cle == cle, annulation).ConfigureAwait(false);
            if (existante is not null)
            {
                if (existante.Resultat is not null)
                {
                    return new Reservation(existante.Route == route ? EtatCle.DejaFaite : EtatCle.EnCours, existante.Resultat);
                }

                if (existante.InstantUtc > maintenant - Abandon)
                {
                    return new Reservation(EtatCle.EnCours, null);
                }

                // Abandoned by a request that never finished: remove it (only if still the same) and try again.
                await db.ClesIdempotence.Where(c => c.Id == existante.Id && c.Resultat == null && c.InstantUtc == existante.InstantUtc)
                    .ExecuteDeleteAsync(annulation).ConfigureAwait(false);
                continue;
            }

            // Removed between the insert and the read (its request ended with errors): try again.
        }

        return new Reservation(EtatCle.EnCours, null);
    }

    /// <summary>Looks at a key without reserving it (a request waiting for the first one to finish).</summary>
    public async Task<string?> ResultatAsync(string compteId, string cle, CancellationToken annulation)
    {
        using var portee = portees.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        return await db.ClesIdempotence.Where(c => c.CompteId == compteId && c.Cle == cle).Select(c => c.Resultat)
            .FirstOrDefaultAsync(annulation).ConfigureAwait(false);
    }

    public async Task TerminerAsync(string compteId, string cle, string resultat, CancellationToken annulation)
    {
        using var portee = portees.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        // Plain SQL, like the reservation: once per submission at the rush, and EF's bulk update builds its setter anew each time.
        await db.Database.ExecuteSqlAsync(
            $"""UPDATE "ClesIdempotence" SET "Resultat" = {resultat} WHERE "CompteId" = {compteId} AND "Cle" = {cle}""",
            annulation).ConfigureAwait(false);
    }

    /// <summary>The request changed nothing (a form shown back with errors): the key is freed for the corrected post.</summary>
    public async Task AbandonnerAsync(string compteId, string cle, CancellationToken annulation)
    {
        using var portee = portees.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        await db.ClesIdempotence.Where(c => c.CompteId == compteId && c.Cle == cle && c.Resultat == null)
            .ExecuteDeleteAsync(annulation).ConfigureAwait(false);
    }

    /// <summary>Forgets keys older than <see cref="Conservation"/>; the background pass calls it. Returns how many.</summary>
    public async Task<int> PurgerAsync(CancellationToken annulation)
    {
        using var portee = portees.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        var limite = horloge.GetUtcNow().UtcDateTime - Conservation;
        return await db.ClesIdempotence.Where(c => c.InstantUtc < limite).ExecuteDeleteAsync(annulation).ConfigureAwait(false);
    }
}
