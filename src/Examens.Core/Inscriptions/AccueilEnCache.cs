using System.Collections.Concurrent;

namespace Examens.Core.Inscriptions;

/// <summary>
/// The rows of each candidate's home page, kept by the node for <see cref="Duree"/>: at the rush a candidate refreshes
/// the page to see where the file stands, and each view would otherwise be a round trip to the database (about half
/// of a view's cost, measured in README "The last-minute rush"). Only what the home page shows comes from here; every
/// decision (a submission, an upload, a refusal) reads the database.
/// <para>
/// Never older than what the candidate did: a copy is used only if it was read after the candidate's last change, on
/// whatever node that change was made (<see cref="Marge"/> covers the nodes' clocks, which must agree anyway for
/// the deadline, P12). A change made through this node empties the candidate's copy at once
/// (<see cref="Persistance.InvalidationCopies"/>); an officer's change made on another node, or by the command line, shows
/// within <see cref="Duree"/> (docs/operations.md).
/// </para>
/// </summary>
public sealed class AccueilEnCache(TimeProvider horloge, int capacite)
{
    public static readonly TimeSpan Duree = TimeSpan.FromSeconds(5);

    /// <summary>How much the nodes' clocks may differ: a copy read less than this after a change is not used.</summary>
    public static readonly TimeSpan Marge = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<string, Entree> _entrees = new(StringComparer.Ordinal);
    private long _epoque;

    // How many entries were added since the last emptying: ConcurrentDictionary.Count takes every lock, on every miss.
    private int _ajoutees;

    /// <summary>
    /// A candidate's copy, or the mark that it was emptied (<see cref="Lignes"/> null). A class: a read keeps what it
    /// read only if the entry it started from is still there, the same object (an eviction replaces it).
    /// </summary>
    private sealed class Entree(IReadOnlyList<LigneAccueil>? lignes, long luA, DateTimeOffset luLe)
    {
        public IReadOnlyList<LigneAccueil>? Lignes { get; } = lignes;

        public long LuA { get; } = luA;

        public DateTimeOffset LuLe { get; } = luLe;
    }

    public bool Actif => capacite > 0;

    /// <summary>
    /// The candidate's rows from the copy when it is recent and was read after <paramref name="derniereModification"/>
    /// (the candidate's last change, from the request), else from <paramref name="lire"/>, kept for the next views
    /// unless the candidate's data changed during the read.
    /// </summary>
    public async Task<IReadOnlyList<LigneAccueil>> ObtenirAsync(
        string candidatId, DateTimeOffset? derniereModification, Func<Task<IReadOnlyList<LigneAccueil>>> lire)
    {
        ArgumentNullException.ThrowIfNull(lire);
        if (!Actif)
        {
            return await lire().ConfigureAwait(false);
        }

        _entrees.TryGetValue(candidatId, out var vue);
        if (vue?.Lignes is { } lignes && horloge.GetElapsedTime(vue.LuA) < Duree
            && (derniereModification is not { } d || vue.LuLe > d + Marge))
        {
            return lignes;
        }

        // Taken before the read: an eviction during it replaces the entry (or the whole dictionary's epoch), and what
        // was read then is not kept.
        var epoque = Interlocked.Read(ref _epoque);
        var luA = horloge.GetTimestamp();
        var luLe = horloge.GetUtcNow();
        var lues = await lire().ConfigureAwait(false);
        var nouvelle = new Entree(lues, luA, luLe);
        if (vue is null && Volatile.Read(ref _ajoutees) >= capacite)
        {
            Vider();
            return lues;
        }

        var gardee = vue is null ? Ajouter(candidatId, nouvelle) : _entrees.TryUpdate(candidatId, nouvelle, vue);
        if (gardee && Interlocked.Read(ref _epoque) != epoque)
        {
            _entrees.TryRemove(new KeyValuePair<string, Entree>(candidatId, nouvelle));
        }

        return lues;
    }

    /// <summary>The candidate's registrations or account changed: the next view reads the database.</summary>
    public void Evincer(string candidatId)
    {
        if (!Actif)
        {
            return;
        }

        var marque = new Entree(null, 0, default);
        if (!Ajouter(candidatId, marque))
        {
            _entrees[candidatId] = marque;
        }
    }

    private bool Ajouter(string candidatId, Entree entree)
    {
        if (!_entrees.TryAdd(candidatId, entree))
        {
            return false;
        }

        Interlocked.Increment(ref _ajoutees);
        return true;
    }

    /// <summary>Empties every copy: the node keeps at most <c>capacite</c> candidates' rows.</summary>
    public void Vider()
    {
        Interlocked.Increment(ref _epoque);
        Volatile.Write(ref _ajoutees, 0);
        _entrees.Clear();
    }
}
