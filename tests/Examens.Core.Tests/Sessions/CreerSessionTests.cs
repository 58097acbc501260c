using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Examens.Core.Tests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Time.Testing;

namespace Examens.Core.Tests.Sessions;

public sealed class CreerSessionTests
{
    private readonly CancellationToken _ct = TestContext.Current.CancellationToken;

    /// <summary>The database refuses the trail entry (a disk full, a lost connection at that moment).</summary>
    private sealed class JournalRefuse : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            eventData.Context!.ChangeTracker.Entries<EvenementJournal>().Any(e => e.State == EntityState.Added)
                ? throw new DbUpdateException("journal indisponible")
                : ValueTask.FromResult(result);
    }

    private static ExamensDbContext Contexte(BaseDeTest b, params IInterceptor[] intercepteurs)
    {
        var options = new DbContextOptionsBuilder<ExamensDbContext>();
        PersistanceExtensions.Configurer(options, b.Chaine);
        options.AddInterceptors(intercepteurs);
        return new ExamensDbContext(options.Options);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_new_session_is_stored_with_its_trail_entry(string baseDeDonnees)
    {
        using var b = new BaseDeTest(baseDeDonnees);
        var horloge = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));
        await using (var db = b.Contexte())
        {
            var resultat = await new CreerSession(db, horloge).ExecuterAsync(2027, " BTS session 2027 ", new DateOnly(2027, 7, 5), "admin-1", "192.0.2.1", _ct);
            Assert.True(resultat.Reussi);
        }

        await using var relu = b.Contexte();
        var session = await relu.Sessions.SingleAsync(s => s.Annee == 2027, _ct);
        Assert.Equal("BTS session 2027", session.Libelle);
        var entree = await relu.Journal.SingleAsync(e => e.Cible == $"session:{session.Id}", _ct);
        Assert.Equal(("session.creee", "admin-1"), (entree.Action, entree.Acteur));
        Assert.Equal("2027 ; BTS session 2027 ; délibération le 2027-07-05", entree.Apres);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_session_whose_trail_entry_cannot_be_written_is_not_stored_either(string baseDeDonnees)
    {
        using var b = new BaseDeTest(baseDeDonnees);
        var horloge = new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 8, 0, 0, TimeSpan.Zero));
        await using (var db = Contexte(b, new JournalRefuse()))
        {
            await Assert.ThrowsAsync<DbUpdateException>(() =>
                new CreerSession(db, horloge).ExecuterAsync(2027, "BTS session 2027", new DateOnly(2027, 7, 5), "admin-1", null, _ct));
        }

        // Nothing stored half-way: no session without the entry that says who created it.
        await using var relu = b.Contexte();
        Assert.False(await relu.Sessions.AnyAsync(s => s.Libelle == "BTS session 2027", _ct));
        Assert.False(await relu.Journal.AnyAsync(e => e.Action == "session.creee", _ct));
    }
}
