using System.Diagnostics;

namespace Examens.Bench.Rush;

internal enum Issue
{
    Succes,

    /// <summary>A submission refused with the portal's "inscriptions closes" message: the expected answer after the close.</summary>
    Refus,

    Erreur,
}

/// <summary>
/// The latencies and outcomes of one kind of request. Every request is kept (a double each): percentiles are exact, and
/// a minute at the targets' rates is a few megabytes.
/// </summary>
internal sealed class Serie(string nom)
{
    private readonly Lock _verrou = new();
    private readonly List<double> _latencesMs = [];
    private readonly Dictionary<string, long> _erreurs = new(StringComparer.Ordinal);
    private long _premierDebut = long.MaxValue;
    private long _derniereFin = long.MinValue;

    public string Nom { get; } = nom;

    public long Succes { get; private set; }

    public long Refus { get; private set; }

    public long Attente503 { get; private set; }

    public void Ajouter(long debut, long fin, Issue issue, string? erreur = null)
    {
        var ms = Stopwatch.GetElapsedTime(debut, fin).TotalMilliseconds;
        lock (_verrou)
        {
            _latencesMs.Add(ms);
            _premierDebut = Math.Min(_premierDebut, debut);
            _derniereFin = Math.Max(_derniereFin, fin);
            switch (issue)
            {
                case Issue.Succes:
                    Succes++;
                    break;
                case Issue.Refus:
                    Refus++;
                    break;
                case Issue.Erreur:
                    var cle = erreur ?? "?";
                    _erreurs[cle] = _erreurs.GetValueOrDefault(cle) + 1;
                    if (cle.StartsWith("HTTP 503", StringComparison.Ordinal))
                    {
                        Attente503++;
                    }

                    break;
            }
        }
    }

    /// <summary>The figures, the rate taken over <paramref name="duree"/> or, when null, over the series' own span.</summary>
    public LigneResultat Resultat(TimeSpan? duree = null)
    {
        lock (_verrou)
        {
            var tries = _latencesMs.ToArray();
            Array.Sort(tries);
            var etendue = duree ?? (tries.Length == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(_premierDebut, _derniereFin));
            return new LigneResultat(
                Nom,
                tries.Length,
                Succes,
                Refus,
                _erreurs.Values.Sum(),
                Attente503,
                etendue.TotalSeconds,
                etendue.TotalSeconds > 0 ? tries.Length / etendue.TotalSeconds : 0,
                Centile(tries, 0.50),
                Centile(tries, 0.95),
                Centile(tries, 0.99),
                tries.Length == 0 ? 0 : tries[^1],
                new SortedDictionary<string, long>(_erreurs, StringComparer.Ordinal));
        }
    }

    /// <summary>Nearest-rank percentile.</summary>
    private static double Centile(double[] tries, double p) =>
        tries.Length == 0 ? 0 : tries[Math.Clamp((int)Math.Ceiling(p * tries.Length) - 1, 0, tries.Length - 1)];
}

internal sealed record LigneResultat(
    string Nom,
    long Requetes,
    long Succes,
    long Refus,
    long Erreurs,
    long Attente503,
    double DureeSecondes,
    double ParSeconde,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    double MaxMs,
    IReadOnlyDictionary<string, long> ErreursParType);
