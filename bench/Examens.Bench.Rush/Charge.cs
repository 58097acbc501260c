using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace Examens.Bench.Rush;

/// <summary>The series one portal run fills.</summary>
internal sealed class SeriesPortail
{
    public Serie Ruee { get; } = new("soumission / submit");

    public Serie Retardataires { get; } = new("soumission autour de la clôture / around close");

    public Serie ApresCloture { get; } = new("nouvel essai après clôture / retry after close");

    public Serie Depots { get; } = new("dépôt PDF / upload");

    public Serie Vues { get; } = new("accueil /candidat / home view");

    /// <summary>Successes of submissions sent after the close instant: the portal must never give one.</summary>
    public long AccepteesApresCloture;

    /// <summary>Each answered submission around the close: when it was sent and answered, relative to the close, and the answer.</summary>
    public ConcurrentBag<(double EnvoiMs, double ReponseMs, bool Acceptee)> AutourDeLaCloture { get; } = [];
}

/// <summary>
/// The closed-loop load: V virtual users, each with one request in flight, until the time is up.
/// <para>Phases (the default), so each kind of request is measured with the machine to itself, as the targets are
/// set: the rush (every candidate but the latecomers submits once, as fast as the portal answers), then uploads, then
/// home-page views until the end. Around the close the latecomers submit (half before, half after), and after it some
/// who already submitted try again; every virtual user serves those first, whatever the phase.</para>
/// <para>Journey (<c>--parcours</c>): each virtual user visits its own share of the candidates in turn; a visit is the
/// submission (until the candidate has an answer), one upload, then K views: the three kinds share the machine.</para>
/// </summary>
internal sealed class Charge(Navigateur navigateur, IReadOnlyList<Candidat> candidats, byte[] pdf, int vuesParVisite, string dossierExemples)
{
    /// <summary>Share of the time after the rush given to uploads; views have the rest.</summary>
    private const double PartDepots = 0.4;

    private static readonly Uri Accueil = new("/candidat", UriKind.Relative);
    private readonly HashSet<string> _exemplesEcrits = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<Candidat> _ruee = new(candidats.Where(c => c.LibereA is null));
    private readonly Candidat[] _retardataires = [.. candidats.Where(c => c.LibereA is not null).OrderBy(c => c.LibereA)];
    private long[]? _liberations;
    private readonly ConcurrentQueue<Candidat> _essaisApresCloture = new();
    private int _prochainRetardataire;
    private int _essaisPrepares;
    private long _finDepots;
    private long _depots;

    public SeriesPortail Series { get; } = new();

    public async Task ExecuterAsync(int utilisateurs, long fin, long cloture, bool parcours, CancellationToken annulation)
    {
        var taches = Enumerable.Range(0, utilisateurs)
            .Select(u => Task.Run(() => parcours ? ParcoursAsync(u, utilisateurs, fin, cloture, annulation) : PhasesAsync(u, utilisateurs, fin, cloture, annulation), annulation))
            .ToArray();
        await Task.WhenAll(taches).ConfigureAwait(false);
    }

    private async Task PhasesAsync(int numero, int utilisateurs, long fin, long cloture, CancellationToken annulation)
    {
        for (var i = 0; Stopwatch.GetTimestamp() < fin && !annulation.IsCancellationRequested;)
        {
            if (await AutourDeLaClotureAsync(cloture, annulation).ConfigureAwait(false))
            {
                continue;
            }

            if (_ruee.TryDequeue(out var candidat))
            {
                await SoumettreAsync(candidat, Series.Ruee, cloture, annulation).ConfigureAwait(false);
                if (!candidat.SoumissionTerminee && ++candidat.Essais < 3)
                {
                    _ruee.Enqueue(candidat);
                }

                continue;
            }

            // The rush is over: the first to see it sets when uploads give way to views.
            var maintenant = Stopwatch.GetTimestamp();
            if (Interlocked.CompareExchange(ref _finDepots, maintenant + (long)((fin - maintenant) * PartDepots), 0) == 0)
            {
                Reprogrammer(maintenant, cloture);
            }

            var c = candidats[(int)((numero + ((long)i++ * utilisateurs)) % candidats.Count)];
            if (maintenant < Interlocked.Read(ref _finDepots))
            {
                await DeposerAsync(c, annulation).ConfigureAwait(false);
            }
            else
            {
                await VoirAsync(c, annulation).ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Under load a submission takes longer than the 1 s before the close the latecomers were given: they would all
    /// land after it. Once the rush has shown the latency, they are spread from 3 × its p95 (1 to 10 s) before the
    /// close to 0.5 s after, so that some land on each side.
    /// </summary>
    private void Reprogrammer(long maintenant, long cloture)
    {
        var n = _retardataires.Length;
        var p95 = Series.Ruee.Resultat().P95Ms / 1000;
        var avance = Math.Clamp(3 * p95, 1.0, 10.0);
        var debut = Math.Max(maintenant, cloture - (long)(avance * Stopwatch.Frequency));
        if (n == 0 || debut >= cloture)
        {
            return;
        }

        var etendue = cloture + (Stopwatch.Frequency / 2) - debut;
        Volatile.Write(ref _liberations, [.. Enumerable.Range(0, n).Select(j => debut + (long)(etendue * (j + 0.5) / n))]);
    }

    /// <summary>A latecomer whose time has come, or after the close a retry by someone who already submitted.</summary>
    private async Task<bool> AutourDeLaClotureAsync(long cloture, CancellationToken annulation)
    {
        var maintenant = Stopwatch.GetTimestamp();
        var j = Volatile.Read(ref _prochainRetardataire);
        if (j < _retardataires.Length && (Volatile.Read(ref _liberations)?[j] ?? _retardataires[j].LibereA) <= maintenant
            && Interlocked.CompareExchange(ref _prochainRetardataire, j + 1, j) == j)
        {
            await SoumettreAsync(_retardataires[j], Series.Retardataires, cloture, annulation).ConfigureAwait(false);
            return true;
        }

        if (maintenant < cloture)
        {
            return false;
        }

        if (Interlocked.Exchange(ref _essaisPrepares, 1) == 0)
        {
            // As many retries as latecomers (at least 10), from those who have their receipt.
            foreach (var c in candidats.Where(c => c.Recus > 0 && c.LibereA is null).Take(Math.Max(10, _retardataires.Length)))
            {
                _essaisApresCloture.Enqueue(c);
            }
        }

        if (_essaisApresCloture.TryDequeue(out var essai))
        {
            await SoumettreAsync(essai, Series.ApresCloture, cloture, annulation).ConfigureAwait(false);
            return true;
        }

        return false;
    }

    private async Task ParcoursAsync(int numero, int utilisateurs, long fin, long cloture, CancellationToken annulation)
    {
        var miens = candidats.Where(c => c.Numero % utilisateurs == numero).ToList();
        if (miens.Count == 0)
        {
            return;
        }

        for (var i = 0; Stopwatch.GetTimestamp() < fin && !annulation.IsCancellationRequested; i++)
        {
            var c = miens[i % miens.Count];
            var maintenant = Stopwatch.GetTimestamp();
            if (!c.SoumissionTerminee && (c.LibereA is null || maintenant >= c.LibereA))
            {
                await SoumettreAsync(c, c.LibereA is null ? Series.Ruee : Series.Retardataires, cloture, annulation).ConfigureAwait(false);
            }
            else if (c.SoumissionTerminee && !c.EssaiApresCloture && maintenant >= cloture)
            {
                // Someone who submitted tries again after the close: the portal must refuse, whatever the content.
                c.EssaiApresCloture = true;
                await SoumettreAsync(c, Series.ApresCloture, cloture, annulation).ConfigureAwait(false);
            }

            if (Stopwatch.GetTimestamp() >= fin)
            {
                break;
            }

            await DeposerAsync(c, annulation).ConfigureAwait(false);
            for (var v = 0; v < vuesParVisite && Stopwatch.GetTimestamp() < fin; v++)
            {
                await VoirAsync(c, annulation).ConfigureAwait(false);
            }
        }
    }

    private async Task SoumettreAsync(Candidat c, Serie serie, long cloture, CancellationToken annulation)
    {
        // A browser posts the form's idempotency key; trying again after the close is a page shown again, with a new key.
        var cle = serie == Series.ApresCloture ? Guid.NewGuid().ToString("N") : c.Cle;
        using var formulaire = new FormUrlEncodedContent([new("__RequestVerificationToken", c.Jeton), new("Revision", c.Revision), new("__Idempotence", cle)]);
        var r = await EssayerAsync(c, HttpMethod.Post, c.Soumettre, formulaire, true, serie, annulation).ConfigureAwait(false);
        if (r is not { } reponse)
        {
            return;
        }

        var envoi = (reponse.Debut - cloture) * 1000.0 / Stopwatch.Frequency;
        var recue = (reponse.Fin - cloture) * 1000.0 / Stopwatch.Frequency;
        if (reponse.Statut == HttpStatusCode.Redirect && reponse.Redirection?.OriginalString.Contains("recu=true", StringComparison.Ordinal) == true)
        {
            if (Math.Abs(envoi) < 5000)
            {
                Series.AutourDeLaCloture.Add((envoi, recue, true));
            }

            serie.Ajouter(reponse.Debut, reponse.Fin, Issue.Succes);
            Interlocked.Increment(ref c.Recus);
            c.SoumissionTerminee = true;
            if (reponse.Debut >= cloture)
            {
                Interlocked.Increment(ref Series.AccepteesApresCloture);
            }
        }
        else if (reponse.Statut == HttpStatusCode.OK && reponse.Corps!.Contains("Les inscriptions sont closes", StringComparison.Ordinal))
        {
            serie.Ajouter(reponse.Debut, reponse.Fin, Issue.Refus);
            c.SoumissionTerminee = true;
            if (Math.Abs(envoi) < 5000)
            {
                Series.AutourDeLaCloture.Add((envoi, recue, false));
            }
        }
        else
        {
            Erreur(serie, reponse, "soumission");
        }
    }

    private async Task DeposerAsync(Candidat c, CancellationToken annulation)
    {
        var n = Interlocked.Increment(ref _depots);
        using var contenu = new MultipartFormDataContent
        {
            { new StringContent(c.Jeton), "__RequestVerificationToken" },
            { new StringContent("D2"), "piece" },
            { new StringContent(Guid.NewGuid().ToString("N")), "__Idempotence" },
            { new ContenuPdf(pdf, string.Create(CultureInfo.InvariantCulture, $"banc {c.Numero} {n}")), "fichier", "piece-identite.pdf" },
        };
        var r = await EssayerAsync(c, HttpMethod.Post, c.Deposer, contenu, true, Series.Depots, annulation).ConfigureAwait(false);
        if (r is not { } reponse)
        {
            return;
        }

        if (reponse.Statut == HttpStatusCode.Redirect && reponse.Redirection?.OriginalString.Contains("/pieces", StringComparison.Ordinal) == true)
        {
            Series.Depots.Ajouter(reponse.Debut, reponse.Fin, Issue.Succes);
            Interlocked.Increment(ref c.DepotsReussis);
        }
        else
        {
            Erreur(Series.Depots, reponse, "depot");
        }
    }

    private async Task VoirAsync(Candidat c, CancellationToken annulation)
    {
        var r = await EssayerAsync(c, HttpMethod.Get, Accueil, null, false, Series.Vues, annulation).ConfigureAwait(false);
        if (r is not { } reponse)
        {
            return;
        }

        if (reponse.Statut == HttpStatusCode.OK)
        {
            Series.Vues.Ajouter(reponse.Debut, reponse.Fin, Issue.Succes);
        }
        else
        {
            Erreur(Series.Vues, reponse, "vue");
        }
    }

    /// <summary>The request, or null when it failed without an HTTP answer (the failure is counted by kind).</summary>
    private async Task<Reponse?> EssayerAsync(
        Candidat c, HttpMethod methode, Uri chemin, HttpContent? contenu, bool garderCorps, Serie serie, CancellationToken annulation)
    {
        var debut = Stopwatch.GetTimestamp();
        try
        {
            return await navigateur.EnvoyerAsync(c.Cookies, methode, chemin, contenu, garderCorps, annulation).ConfigureAwait(false);
        }
        catch (TaskCanceledException) when (!annulation.IsCancellationRequested)
        {
            serie.Ajouter(debut, Stopwatch.GetTimestamp(), Issue.Erreur, "délai dépassé (30 s) / timeout");
        }
        catch (HttpRequestException e)
        {
            serie.Ajouter(debut, Stopwatch.GetTimestamp(), Issue.Erreur, $"exception {e.HttpRequestError}");
        }
        catch (IOException e)
        {
            serie.Ajouter(debut, Stopwatch.GetTimestamp(), Issue.Erreur, $"exception {e.GetType().Name}");
        }

        return null;
    }

    private void Erreur(Serie serie, Reponse r, string type)
    {
        var genre = r.Statut switch
        {
            HttpStatusCode.ServiceUnavailable => "HTTP 503 (salle d'attente / waiting room)",
            HttpStatusCode.Redirect when r.Redirection?.OriginalString.StartsWith("/compte/connexion", StringComparison.Ordinal) == true =>
                "HTTP 302 vers la connexion (session perdue / signed out)",
            HttpStatusCode.OK => $"HTTP 200 refusé : {Navigateur.Erreurs(r.Corps ?? "")}",
            _ => $"HTTP {(int)r.Statut}",
        };
        serie.Ajouter(r.Debut, r.Fin, Issue.Erreur, genre);

        // The first page of each kind of error is kept, to read what the portal said.
        lock (_exemplesEcrits)
        {
            if (r.Corps is not null && _exemplesEcrits.Add($"{type}-{(int)r.Statut}"))
            {
                Directory.CreateDirectory(dossierExemples);
                File.WriteAllText(Path.Combine(dossierExemples, $"{type}-{(int)r.Statut}.html"), r.Corps);
            }
        }
    }
}

/// <summary>The same loop against the bare Kestrel endpoint: GET /json until the time is up.</summary>
internal static class ChargeNue
{
    public static async Task<Serie> ExecuterAsync(Navigateur navigateur, int utilisateurs, long fin, CancellationToken annulation)
    {
        var serie = new Serie("Kestrel nu, JSON / bare Kestrel");
        var cookies = new CookieContainer();
        var chemin = new Uri("/json", UriKind.Relative);
        var taches = Enumerable.Range(0, utilisateurs).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < fin && !annulation.IsCancellationRequested)
            {
                var debut = Stopwatch.GetTimestamp();
                try
                {
                    var r = await navigateur.EnvoyerAsync(cookies, HttpMethod.Get, chemin, null, false, annulation).ConfigureAwait(false);
                    serie.Ajouter(r.Debut, r.Fin, r.Statut == HttpStatusCode.OK ? Issue.Succes : Issue.Erreur, $"HTTP {(int)r.Statut}");
                }
                catch (TaskCanceledException) when (!annulation.IsCancellationRequested)
                {
                    serie.Ajouter(debut, Stopwatch.GetTimestamp(), Issue.Erreur, "délai dépassé (30 s) / timeout");
                }
                catch (HttpRequestException e)
                {
                    serie.Ajouter(debut, Stopwatch.GetTimestamp(), Issue.Erreur, $"exception {e.HttpRequestError}");
                }
            }
        }, annulation)).ToArray();
        await Task.WhenAll(taches).ConfigureAwait(false);
        return serie;
    }
}
