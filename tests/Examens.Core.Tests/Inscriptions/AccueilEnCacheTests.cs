using Examens.Core.Inscriptions;
using Microsoft.Extensions.Time.Testing;

namespace Examens.Core.Tests.Inscriptions;

public class AccueilEnCacheTests
{
    private readonly FakeTimeProvider _horloge = new(new DateTimeOffset(2023, 11, 15, 15, 0, 0, TimeSpan.Zero));

    private int _lectures;

    private EtatInscription _etat = EtatInscription.Brouillon;

    // The database as the home page reads it: one row whose state the test changes, and a count of the reads.
    private Task<IReadOnlyList<LigneAccueil>> LireAsync()
    {
        _lectures++;
        return Task.FromResult<IReadOnlyList<LigneAccueil>>(
            [new LigneAccueil(Guid.Empty, "2024-SIEC-000001", _etat, default, null, null, 1, 0, null, false, false, 0, "", "", true)]);
    }

    [Fact]
    public async Task Refreshing_the_page_reads_the_database_once_per_lifetime_of_the_copy()
    {
        var cache = new AccueilEnCache(_horloge, 100);
        await cache.ObtenirAsync("c1", null, LireAsync);
        await cache.ObtenirAsync("c1", null, LireAsync);
        Assert.Equal(1, _lectures);

        // Another candidate has a copy of their own.
        await cache.ObtenirAsync("c2", null, LireAsync);
        Assert.Equal(2, _lectures);

        // An officer's change on another node (no eviction here) shows once the copy is Duree old.
        _etat = EtatInscription.Ecartee;
        _horloge.Advance(AccueilEnCache.Duree - TimeSpan.FromMilliseconds(1));
        Assert.Equal(EtatInscription.Brouillon, (await cache.ObtenirAsync("c1", null, LireAsync)).Single().Etat);
        _horloge.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(EtatInscription.Ecartee, (await cache.ObtenirAsync("c1", null, LireAsync)).Single().Etat);
    }

    [Fact]
    public async Task A_copy_read_before_the_candidates_last_change_is_never_shown_whatever_node_made_it()
    {
        var cache = new AccueilEnCache(_horloge, 100);
        await cache.ObtenirAsync("c1", null, LireAsync);

        // The candidate submits on another node: this node's copy is not evicted, but the request says when.
        _horloge.Advance(TimeSpan.FromSeconds(1));
        _etat = EtatInscription.Soumise;
        var modification = _horloge.GetUtcNow();
        Assert.Equal(EtatInscription.Soumise, (await cache.ObtenirAsync("c1", modification, LireAsync)).Single().Etat);

        // Within the clocks' margin after the change, each view reads the database: the other node's clock may be ahead.
        Assert.Equal(EtatInscription.Soumise, (await cache.ObtenirAsync("c1", modification, LireAsync)).Single().Etat);
        Assert.Equal(3, _lectures);

        // A copy read after the change and the margin is used again.
        _horloge.Advance(AccueilEnCache.Marge + TimeSpan.FromMilliseconds(1));
        await cache.ObtenirAsync("c1", modification, LireAsync);
        await cache.ObtenirAsync("c1", modification, LireAsync);
        Assert.Equal(4, _lectures);
    }

    [Fact]
    public async Task A_change_saved_through_this_node_is_shown_at_once()
    {
        var cache = new AccueilEnCache(_horloge, 100);
        await cache.ObtenirAsync("c1", null, LireAsync);
        _etat = EtatInscription.Soumise;
        cache.Evincer("c1");
        Assert.Equal(EtatInscription.Soumise, (await cache.ObtenirAsync("c1", null, LireAsync)).Single().Etat);
    }

    [Fact]
    public async Task What_was_read_while_the_candidate_changed_something_is_not_kept()
    {
        var cache = new AccueilEnCache(_horloge, 100);
        var lue = await cache.ObtenirAsync("c1", null, () =>
        {
            // The read sees the old state; the change is saved and evicted before the read ends.
            var ancienne = LireAsync();
            _etat = EtatInscription.Soumise;
            cache.Evincer("c1");
            return ancienne;
        });
        Assert.Equal(EtatInscription.Brouillon, lue.Single().Etat);
        Assert.Equal(EtatInscription.Soumise, (await cache.ObtenirAsync("c1", null, LireAsync)).Single().Etat);

        // The same with a copy already there when the read began.
        _horloge.Advance(AccueilEnCache.Duree);
        await cache.ObtenirAsync("c1", null, () =>
        {
            var ancienne = LireAsync();
            _etat = EtatInscription.Retiree;
            cache.Evincer("c1");
            return ancienne;
        });
        Assert.Equal(EtatInscription.Retiree, (await cache.ObtenirAsync("c1", null, LireAsync)).Single().Etat);
    }

    [Fact]
    public async Task What_was_read_while_every_copy_was_emptied_is_not_kept()
    {
        var cache = new AccueilEnCache(_horloge, 100);
        await cache.ObtenirAsync("c1", null, () =>
        {
            var ancienne = LireAsync();
            _etat = EtatInscription.Soumise;
            cache.Evincer("c1");
            cache.Vider();
            return ancienne;
        });
        Assert.Equal(EtatInscription.Soumise, (await cache.ObtenirAsync("c1", null, LireAsync)).Single().Etat);
    }

    [Fact]
    public async Task A_full_cache_is_emptied_and_a_size_of_zero_keeps_nothing()
    {
        var cache = new AccueilEnCache(_horloge, 2);
        await cache.ObtenirAsync("c1", null, LireAsync);
        await cache.ObtenirAsync("c2", null, LireAsync);
        await cache.ObtenirAsync("c3", null, LireAsync);
        Assert.Equal(3, _lectures);
        await cache.ObtenirAsync("c1", null, LireAsync);
        Assert.Equal(4, _lectures);

        var aucun = new AccueilEnCache(_horloge, 0);
        Assert.False(aucun.Actif);
        await aucun.ObtenirAsync("c1", null, LireAsync);
        await aucun.ObtenirAsync("c1", null, LireAsync);
        Assert.Equal(6, _lectures);
    }
}
