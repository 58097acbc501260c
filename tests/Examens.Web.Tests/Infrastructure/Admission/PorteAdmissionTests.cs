using System.Diagnostics.Metrics;
using Examens.Web.Infrastructure.Admission;
using Examens.Web.Tests.Outils;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace Examens.Web.Tests.Infrastructure.Admission;

public sealed class PorteAdmissionTests : IDisposable
{
    private static readonly TimeSpan Attente = TimeSpan.FromSeconds(10);

    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
    private readonly FakeTimeProvider _horloge = new(UsineExamens.Debut);
    // A safety bound only: no assertion depends on how long anything takes.
    private readonly CancellationTokenSource _limite = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);

    public PorteAdmissionTests() => _limite.CancelAfter(TimeSpan.FromSeconds(30));

    private CancellationToken Ct => _limite.Token;

    public void Dispose()
    {
        _services.Dispose();
        _limite.Dispose();
    }

    private PorteAdmission Porte(int places, int reservees, int file) => new(
        Options.Create(new OptionsAdmission { RequetesSimultanees = places, PlacesReservees = reservees, FileAttente = file }),
        _horloge, _services.GetRequiredService<IMeterFactory>());

    [Theory]
    [InlineData(0, 16, 256, "RequetesSimultanees")]
    [InlineData(64, -1, 256, "PlacesReservees")]
    [InlineData(64, 16, -1, "FileAttente")]
    public void Settings_out_of_range_are_refused_with_the_setting_named(int places, int reservees, int file, string reglage)
    {
        var erreur = Assert.Throws<OptionsValidationException>(() => Porte(places, reservees, file));
        Assert.Contains($"Examens:Admission:{reglage}", erreur.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_newcomer_waits_in_the_queue_and_takes_the_place_freed()
    {
        var porte = Porte(places: 1, reservees: 0, file: 1);
        var premiere = await porte.EntrerAsync(false, Attente, Ct);
        Assert.NotNull(premiere);

        var seconde = porte.EntrerAsync(false, Attente, Ct);
        Assert.False(seconde.IsCompleted);
        Assert.Equal(1, porte.EnAttente);
        Assert.Null(await porte.EntrerAsync(false, Attente, Ct)); // the queue is full

        premiere.Dispose();
        using var place = await seconde.WaitAsync(Ct);
        Assert.NotNull(place);
        Assert.Equal((1, 0), (porte.EnCours, porte.EnAttente));
    }

    [Fact]
    public async Task A_wait_ends_at_the_maximum_by_the_injected_clock_and_takes_nothing()
    {
        var porte = Porte(places: 1, reservees: 0, file: 4);
        var premiere = await porte.EntrerAsync(false, Attente, Ct);
        var seconde = porte.EntrerAsync(false, Attente, Ct);

        _horloge.Advance(Attente - TimeSpan.FromMilliseconds(1));
        Assert.False(seconde.IsCompleted);
        _horloge.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Null(await seconde.WaitAsync(Ct));
        Assert.Equal(0, porte.EnAttente);

        premiere!.Dispose();
        Assert.Equal(0, porte.EnCours);
    }

    [Fact]
    public async Task A_request_whose_client_leaves_stops_waiting_and_takes_nothing()
    {
        var porte = Porte(places: 1, reservees: 0, file: 4);
        using var premiere = await porte.EntrerAsync(false, Attente, Ct);
        using var depart = new CancellationTokenSource();
        var seconde = porte.EntrerAsync(false, Attente, depart.Token);

        await depart.CancelAsync();

        Assert.Null(await seconde.WaitAsync(Ct));
        Assert.Equal((1, 0), (porte.EnCours, porte.EnAttente));
    }

    [Fact]
    public async Task A_freed_place_goes_to_the_already_admitted_before_an_earlier_newcomer()
    {
        var porte = Porte(places: 1, reservees: 0, file: 4);
        var premiere = await porte.EntrerAsync(false, Attente, Ct);
        var nouveau = porte.EntrerAsync(false, Attente, Ct);
        var admis = porte.EntrerAsync(true, Attente, Ct);

        premiere!.Dispose();
        var placeAdmis = await admis.WaitAsync(Ct);

        Assert.NotNull(placeAdmis);
        Assert.False(nouveau.IsCompleted);
        placeAdmis.Dispose();
        using var placeNouveau = await nouveau.WaitAsync(Ct);
        Assert.NotNull(placeNouveau);
    }

    [Fact]
    public async Task Reserved_places_take_the_already_admitted_only_and_are_bounded()
    {
        var porte = Porte(places: 1, reservees: 1, file: 0);
        using var nouveau = await porte.EntrerAsync(false, Attente, Ct);

        Assert.Null(await porte.EntrerAsync(false, Attente, Ct));
        using var admis = await porte.EntrerAsync(true, Attente, Ct);
        Assert.NotNull(admis);
        Assert.Null(await porte.EntrerAsync(true, Attente, Ct));
        Assert.Equal(2, porte.EnCours);
    }

    [Fact]
    public async Task A_place_freed_twice_counts_once()
    {
        var porte = Porte(places: 2, reservees: 0, file: 0);
        var place = await porte.EntrerAsync(false, Attente, Ct);
        using var autre = await porte.EntrerAsync(false, Attente, Ct);

        place!.Dispose();
        place.Dispose();

        Assert.Equal(1, porte.EnCours);
    }

    [Fact]
    public async Task Under_concurrency_every_request_is_served_once_and_the_limits_always_hold()
    {
        const int places = 3, reservees = 2, requetes = 400;
        var porte = Porte(places, reservees, file: requetes);
        int dedans = 0, maximum = 0, maximumNouveaux = 0, nouveauxDedans = 0, servies = 0;

        async Task Requete(int i)
        {
            await Task.Yield();
            var dejaAdmis = i % 3 == 0;
            using var place = await porte.EntrerAsync(dejaAdmis, Attente, Ct);
            Assert.NotNull(place);
            var n = Interlocked.Increment(ref dedans);
            InterlockedMax(ref maximum, n);
            if (!dejaAdmis)
            {
                InterlockedMax(ref maximumNouveaux, Interlocked.Increment(ref nouveauxDedans));
            }

            await Task.Yield();
            Interlocked.Increment(ref servies);
            if (!dejaAdmis)
            {
                Interlocked.Decrement(ref nouveauxDedans);
            }

            Interlocked.Decrement(ref dedans);
        }

        await Task.WhenAll(Enumerable.Range(0, requetes).Select(i => Task.Run(() => Requete(i), Ct))).WaitAsync(Ct);

        Assert.Equal(requetes, servies);
        Assert.InRange(maximum, 1, places + reservees);
        Assert.InRange(maximumNouveaux, 1, places);
        Assert.Equal((0, 0), (porte.EnCours, porte.EnAttente));
    }

    private static void InterlockedMax(ref int cible, int valeur)
    {
        int actuelle;
        while ((actuelle = Volatile.Read(ref cible)) < valeur && Interlocked.CompareExchange(ref cible, valeur, actuelle) != actuelle)
        {
        }
    }
}
