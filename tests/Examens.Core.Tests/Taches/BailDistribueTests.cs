using Examens.Core.Taches;
using Examens.Core.Tests.Outils;
using Examens.Web.Tests.Outils;
using Microsoft.Extensions.Time.Testing;

namespace Examens.Core.Tests.Taches;

public class BailDistribueTests
{
    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Only_one_node_holds_the_lease_until_it_expires(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var horloge = new FakeTimeProvider(new DateTimeOffset(2023, 11, 15, 12, 0, 0, TimeSpan.Zero));
        var ct = TestContext.Current.CancellationToken;
        await using var db1 = bd.Contexte();
        await using var db2 = bd.Contexte();
        var noeud1 = new BailDistribue(db1, horloge);
        var noeud2 = new BailDistribue(db2, horloge);

        Assert.True(await noeud1.PrendreAsync("maintenance", "n1", TimeSpan.FromMinutes(10), ct));
        Assert.False(await noeud2.PrendreAsync("maintenance", "n2", TimeSpan.FromMinutes(10), ct));
        Assert.True(await noeud1.PrendreAsync("maintenance", "n1", TimeSpan.FromMinutes(10), ct)); // renewal by its holder

        horloge.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await noeud2.PrendreAsync("maintenance", "n2", TimeSpan.FromMinutes(10), ct));
        Assert.False(await noeud1.PrendreAsync("maintenance", "n1", TimeSpan.FromMinutes(10), ct));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Many_nodes_asking_at_once_give_exactly_one_holder(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var horloge = new FakeTimeProvider(new DateTimeOffset(2023, 11, 15, 12, 0, 0, TimeSpan.Zero));
        var resultats = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            await using var db = bd.Contexte();
            return await new BailDistribue(db, horloge).PrendreAsync("rappels", $"n{i}", TimeSpan.FromMinutes(5), TestContext.Current.CancellationToken);
        }));
        Assert.Equal(1, resultats.Count(r => r));
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task A_returned_lease_is_free_at_once(string baseDeDonnees)
    {
        using var bd = new BaseDeTest(baseDeDonnees);
        var horloge = new FakeTimeProvider(new DateTimeOffset(2023, 11, 15, 12, 0, 0, TimeSpan.Zero));
        var ct = TestContext.Current.CancellationToken;
        await using var db = bd.Contexte();
        var bail = new BailDistribue(db, horloge);
        Assert.True(await bail.PrendreAsync("maintenance", "n1", TimeSpan.FromMinutes(10), ct));
        await bail.RendreAsync("maintenance", "n1", ct);
        Assert.True(await bail.PrendreAsync("maintenance", "n2", TimeSpan.FromMinutes(10), ct));
    }
}
