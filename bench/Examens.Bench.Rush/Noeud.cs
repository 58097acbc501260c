using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Examens.Bench.Rush;

/// <summary>
/// A server started as a child process on a loopback port (the portal, or the bare Kestrel ceiling): waits for its
/// health answer, samples its memory from /proc while it runs, and stops it (SIGTERM, then kill after a delay).
/// </summary>
internal sealed class Noeud : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StreamWriter _journal;
    private readonly Lock _verrouJournal = new();
    private readonly CancellationTokenSource _arret = new();
    private readonly Task _echantillonnage;
    private readonly Queue<string> _dernieresLignes = new();
    private long _picRss;
    private long _picHwm;
    private bool _ferme;

    private Noeud(string nom, Process process, string journal, Uri adresse)
    {
        Nom = nom;
        _process = process;
        Adresse = adresse;
        CheminJournal = journal;
        _journal = new StreamWriter(journal, append: false) { AutoFlush = true };
        _process.OutputDataReceived += (_, e) => Ecrire(e.Data);
        _process.ErrorDataReceived += (_, e) => Ecrire(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        _echantillonnage = EchantillonnerAsync(_arret.Token);
    }

    public string Nom { get; }

    public Uri Adresse { get; }

    public string CheminJournal { get; }

    public int Pid => _process.Id;

    /// <summary>The highest resident set size seen: the kernel's VmHWM, or the sampled VmRSS if higher.</summary>
    public long PicMemoireOctets => Math.Max(Interlocked.Read(ref _picHwm), Interlocked.Read(ref _picRss));

    public static int PortLibre()
    {
        using var ecoute = new TcpListener(IPAddress.Loopback, 0);
        ecoute.Start();
        var port = ((IPEndPoint)ecoute.LocalEndpoint).Port;
        ecoute.Stop();
        return port;
    }

    public static async Task<Noeud> DemarrerAsync(
        string nom, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string> environnement, string dossierTravail,
        string journal, Uri adresse, string cheminSante, CancellationToken annulation)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = dossierTravail,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        foreach (var a in arguments)
        {
            info.ArgumentList.Add(a);
        }

        foreach (var (cle, valeur) in environnement)
        {
            info.Environment[cle] = valeur;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException($"{nom} : le processus n'a pas démarré.");
        var noeud = new Noeud(nom, process, journal, adresse);
        try
        {
            await noeud.AttendreSanteAsync(cheminSante, annulation).ConfigureAwait(false);
            return noeud;
        }
        catch
        {
            await noeud.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task AttendreSanteAsync(string chemin, CancellationToken annulation)
    {
        using var http = new HttpClient { BaseAddress = Adresse, Timeout = TimeSpan.FromSeconds(5) };
        var debut = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(debut) < TimeSpan.FromSeconds(120))
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Nom} s'est arrêté au démarrage (code {_process.ExitCode}) :\n{DernieresLignes()}");
            }

            try
            {
                using var reponse = await http.GetAsync(new Uri(chemin, UriKind.Relative), annulation).ConfigureAwait(false);
                if (reponse.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!annulation.IsCancellationRequested)
            {
                // Still starting (migrations): try again.
            }

            await Task.Delay(200, annulation).ConfigureAwait(false);
        }

        throw new TimeoutException($"{Nom} ne répond pas sur {Adresse}{chemin} après 120 s :\n{DernieresLignes()}");
    }

    public string DernieresLignes()
    {
        lock (_verrouJournal)
        {
            return string.Join('\n', _dernieresLignes);
        }
    }

    private void Ecrire(string? ligne)
    {
        if (ligne is null)
        {
            return;
        }

        lock (_verrouJournal)
        {
            if (_ferme)
            {
                return;
            }

            _journal.WriteLine(ligne);
            _dernieresLignes.Enqueue(ligne);
            if (_dernieresLignes.Count > 40)
            {
                _dernieresLignes.Dequeue();
            }
        }
    }

    private async Task EchantillonnerAsync(CancellationToken annulation)
    {
        using var minuterie = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        try
        {
            do
            {
                Echantillonner();
            }
            while (await minuterie.WaitForNextTickAsync(annulation).ConfigureAwait(false));
        }
        catch (OperationCanceledException)
        {
            // Stopped with the node.
        }
    }

    /// <summary>Reads VmHWM (peak resident set since start) and VmRSS from /proc/&lt;pid&gt;/status.</summary>
    private void Echantillonner()
    {
        try
        {
            foreach (var ligne in File.ReadLines($"/proc/{_process.Id}/status"))
            {
                if (ligne.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    Maximum(ref _picHwm, Kilo(ligne));
                }
                else if (ligne.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    Maximum(ref _picRss, Kilo(ligne));
                }
            }
        }
        catch (IOException)
        {
            // The process has gone.
        }
        catch (UnauthorizedAccessException)
        {
            // Idem.
        }

        static long Kilo(string ligne) =>
            long.Parse(ligne.AsSpan(6).Trim().TrimEnd("kB").Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture) * 1024;

        static void Maximum(ref long cible, long valeur)
        {
            long courant;
            while (valeur > (courant = Interlocked.Read(ref cible)) && Interlocked.CompareExchange(ref cible, valeur, courant) != courant)
            {
            }
        }
    }

    /// <summary>SIGTERM, so the host stops as it would in production; killed if it has not stopped after 15 s.</summary>
    public async Task ArreterAsync()
    {
        if (_process.HasExited)
        {
            return;
        }

        Echantillonner();
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", _process.Id.ToString(CultureInfo.InvariantCulture)]) { UseShellExecute = false }))
        {
            if (kill is not null)
            {
                await kill.WaitForExitAsync().ConfigureAwait(false);
            }
        }

        using var delai = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        try
        {
            await _process.WaitForExitAsync(delai.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().ConfigureAwait(false);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await ArreterAsync().ConfigureAwait(false);
        await _arret.CancelAsync().ConfigureAwait(false);
        await _echantillonnage.ConfigureAwait(false);
        _arret.Dispose();
        _process.Dispose();
        lock (_verrouJournal)
        {
            _ferme = true;
            _journal.Dispose();
        }
    }
}
