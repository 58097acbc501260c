using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Examens.Core.Tests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Examens.Core.Tests.Sessions;

public class AcademiesEnCacheTests
{
    private static readonly DateTime Cloture = new(2023, 11, 15, 17, 0, 0);

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Another_nodes_extension_shows_on_the_home_page_within_the_copys_lifetime(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var ct = TestContext.Current.CancellationToken;
        var horloge = new FakeTimeProvider(new DateTimeOffset(2023, 11, 15, 15, 0, 0, TimeSpan.Zero));
        var cache = new AcademiesEnCache(horloge);
        await using (var db = bd.Contexte())
        {
            await SessionDeTest.CreerAsync(db);
        }

        await using var lecture = bd.Contexte();
        Assert.Equal(Cloture, (await cache.ListerAsync(lecture, ct)).Single().FermetureLocale);

        // Another node extends the window (P12: an officer's action): its save does not reach this node's copy.
        await using (var autreNoeud = bd.Contexte())
        {
            var academie = await autreNoeud.AcademiesSessions.SingleAsync(ct);
            academie.DefinirFenetre(academie.OuvertureLocale, Cloture.AddHours(2), academie.Fuseau);
            await autreNoeud.SaveChangesAsync(ct);
        }

        horloge.Advance(AcademiesEnCache.Duree - TimeSpan.FromMilliseconds(1));
        Assert.Equal(Cloture, (await cache.ListerAsync(lecture, ct)).Single().FermetureLocale);
        horloge.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(Cloture.AddHours(2), (await cache.ListerAsync(lecture, ct)).Single().FermetureLocale);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_change_saved_through_this_node_shows_at_once(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var ct = TestContext.Current.CancellationToken;
        var cache = new AcademiesEnCache(new FakeTimeProvider(new DateTimeOffset(2023, 11, 15, 15, 0, 0, TimeSpan.Zero)));
        ExamensDbContext CeNoeud()
        {
            var options = new DbContextOptionsBuilder<ExamensDbContext>();
            PersistanceExtensions.Configurer(options, bd.Chaine);
            options.AddInterceptors(new InvalidationCopies(cache, new Examens.Core.Inscriptions.AccueilEnCache(TimeProvider.System, 0)));
            return new ExamensDbContext(options.Options);
        }

        await using (var db = CeNoeud())
        {
            await SessionDeTest.CreerAsync(db);
        }

        await using var lecture = CeNoeud();
        Assert.False((await cache.ListerAsync(lecture, ct)).Single().Session.ConvocationsPubliees);
        await using (var db = CeNoeud())
        {
            var academie = await db.AcademiesSessions.SingleAsync(ct);
            academie.DefinirFenetre(academie.OuvertureLocale, Cloture.AddHours(2), academie.Fuseau);
            await db.SaveChangesAsync(ct);
        }

        Assert.Equal(Cloture.AddHours(2), (await cache.ListerAsync(lecture, ct)).Single().FermetureLocale);

        // A save that touches neither an academy nor a session keeps the copy.
        await lecture.Database.ExecuteSqlAsync($"UPDATE \"Sessions\" SET \"Libelle\" = 'changée hors du nœud'", ct);
        await using (var db = CeNoeud())
        {
            db.Journal.Add(new Journal.EvenementJournal { InstantUtc = new DateTime(2023, 11, 15, 15, 0, 0, DateTimeKind.Utc), Acteur = "test", Action = "autre", Cible = "x" });
            await db.SaveChangesAsync(ct);
        }

        Assert.Equal("BTS session 2024", (await cache.ListerAsync(lecture, ct)).Single().Session.Libelle);
    }
}
