using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Examens.Core.Tests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Examens.Core.Tests.Persistance;

public class InvalidationCopiesTests
{
    private static readonly DateTimeOffset Maintenant = new(2023, 11, 15, 15, 0, 0, TimeSpan.Zero);

    /// <summary>One node's copies, and its contexts (each with the interceptor) on the test's database.</summary>
    private static (FakeTimeProvider Horloge, AcademiesEnCache Academies, AccueilEnCache Accueil, Func<ExamensDbContext> Contexte) Noeud(BaseDeTest bd)
    {
        var horloge = new FakeTimeProvider(Maintenant);
        var accueil = new AccueilEnCache(horloge, 100);
        var academies = new AcademiesEnCache(horloge);
        return (horloge, academies, accueil, () =>
        {
            var options = new DbContextOptionsBuilder<ExamensDbContext>();
            PersistanceExtensions.Configurer(options, bd.Chaine);
            options.AddInterceptors(new InvalidationCopies(academies, accueil));
            return new ExamensDbContext(options.Options);
        });
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_change_to_a_candidates_registration_or_account_saved_through_this_node_shows_on_the_home_page_at_once(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var ct = TestContext.Current.CancellationToken;
        var (horloge, academies, cache, contexte) = Noeud(bd);

        string candidat, autre;
        await using (var db = contexte())
        {
            var (_, inscriptions) = await SessionDeTest.CreerAsync(db, ("a", SessionDeTest.Ms()), ("b", SessionDeTest.Ms()));
            (candidat, autre) = (inscriptions["a"].CandidatId, inscriptions["b"].CandidatId);
        }

        await using var lecture = contexte();
        async Task<LigneAccueil> Accueil(string id) =>
            (await AccueilCandidat.ChargerAsync(lecture, academies, cache, id, null, Maintenant, ct)).Dossiers.Single();
        Assert.Equal(EtatInscription.Soumise, (await Accueil(candidat)).Etat);
        Assert.Equal(EtatInscription.Soumise, (await Accueil(autre)).Etat);

        // An officer sets the registration aside on this node: the candidate's copy goes.
        await using (var db = contexte())
        {
            var i = await db.Inscriptions.SingleAsync(x => x.CandidatId == candidat, ct);
            i.Ecarter(Maintenant.UtcDateTime, "Pièces non fournies");
            await db.SaveChangesAsync(ct);
        }

        Assert.Equal(EtatInscription.Ecartee, (await Accueil(candidat)).Etat);

        // The account's identity (R68) shows there too.
        Assert.True((await Accueil(candidat)).IdentiteComplete);
        await using (var db = contexte())
        {
            var c = await db.Users.SingleAsync(x => x.Id == candidat, ct);
            c.LieuNaissance = "";
            await db.SaveChangesAsync(ct);
        }

        Assert.False((await Accueil(candidat)).IdentiteComplete);

        // The other candidate's copy stays: a change made outside this node (here, straight in the database) shows
        // only when it is AccueilEnCache.Duree old.
        await lecture.Database.ExecuteSqlAsync($"UPDATE \"Inscriptions\" SET \"Etat\" = 'Retiree' WHERE \"CandidatId\" = {autre}", ct);
        Assert.Equal(EtatInscription.Soumise, (await Accueil(autre)).Etat);
        horloge.Advance(AccueilEnCache.Duree);
        Assert.Equal(EtatInscription.Retiree, (await Accueil(autre)).Etat);
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_change_saved_in_a_transaction_shows_on_the_home_page_once_committed_even_if_a_view_read_the_old_state_in_between(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var ct = TestContext.Current.CancellationToken;
        var (_, academies, cache, contexte) = Noeud(bd);

        string candidat;
        await using (var db = contexte())
        {
            var (_, inscriptions) = await SessionDeTest.CreerAsync(db, ("a", SessionDeTest.Ms()));
            candidat = inscriptions["a"].CandidatId;
        }

        await using var lecture = contexte();
        async Task<EtatInscription> Etat() =>
            (await AccueilCandidat.ChargerAsync(lecture, academies, cache, candidat, null, Maintenant, ct)).Dossiers.Single().Etat;
        Assert.Equal(EtatInscription.Soumise, await Etat());

        // Saved, not yet committed (as the back-office's changes that write their trail entry in the same
        // transaction): a view now still reads the old state, and the node keeps that copy.
        await using (var db = contexte())
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                var i = await db.Inscriptions.SingleAsync(x => x.CandidatId == candidat, ct);
                i.Ecarter(Maintenant.UtcDateTime, "Pièces non fournies");
                await db.SaveChangesAsync(ct);
                Assert.Equal(EtatInscription.Soumise, await Etat());
                await transaction.CommitAsync(ct);
            });
        }

        // The commit empties the copy again: the change shows at once, not after AccueilEnCache.Duree.
        Assert.Equal(EtatInscription.Ecartee, await Etat());
    }
}
