using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Examens.Web.Tests.Outils;

/// <summary>
/// The real web host in its own process (<c>dotnet Examens.Web.dll</c>, as built), on a loopback port, so a test can
/// kill it with SIGKILL and start it again on the same database and data folder.
/// </summary>
public sealed class HoteSepare(string chaineConnexion, string donnees) : IDisposable
{
    private Process? _processus;
    private readonly Queue<string> _dernieresLignes = new();

    public Uri Adresse { get; private set; } = null!;

    public static string Dll
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var construit = Path.Combine(Racine.Depot, "src", "Examens.Web", "bin", configuration, "net10.0", "Examens.Web.dll");

            // ./test.sh also publishes the host ReadyToRun, as it is deployed: hundreds of restarts then take half the
            // time. Only when newer than the build, so that a later rebuild is never shadowed by an old publish.
            var publie = Path.Combine(Racine.Depot, "src", "Examens.Web", "bin", configuration, "publie", "Examens.Web.dll");
            return File.Exists(publie) && File.Exists(construit) && File.GetLastWriteTimeUtc(publie) >= File.GetLastWriteTimeUtc(construit) ? publie : construit;
        }
    }

    /// <summary>The last lines the host wrote, to explain a failure.</summary>
    public string Journal
    {
        get
        {
            lock (_dernieresLignes)
            {
                return string.Join('\n', _dernieresLignes);
            }
        }
    }

    public async Task DemarrerAsync(CancellationToken annulation)
    {
        var port = PortLibre();
        Adresse = new Uri($"http://127.0.0.1:{port}");
        var info = new ProcessStartInfo("dotnet", [Dll])
        {
            WorkingDirectory = Path.GetDirectoryName(Dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_URLS"] = Adresse.ToString();
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["ConnectionStrings__Examens"] = chaineConnexion;
        info.Environment["Examens__Donnees"] = donnees;
        info.Environment["Examens__Demonstration"] = "true";
        info.Environment["Examens__Journal__Json"] = "false";
        info.Environment["Examens__TachesDeFond"] = "false"; // the test runs the sweep itself, at a known moment
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["DOTNET_hostBuilder__reloadConfigOnChange"] = "false"; // no file watchers: one host per test, restarted often
        // Restarted hundreds of times on two cores shared with the other tests: the workstation GC and no tiered PGO
        // start faster and spin less. Neither changes what is written nor when.
        info.Environment["DOTNET_gcServer"] = "0";
        info.Environment["DOTNET_TieredPGO"] = "0";
        foreach (var limite in new[] { "Connexion", "CreationCompte", "MotDePasse", "Depots", "Simulations" })
        {
            info.Environment[$"Examens__Limites__{limite}__Nombre"] = "1000000";
        }

        _processus = Process.Start(info) ?? throw new InvalidOperationException("Le processus de l'hôte n'a pas démarré.");
        _processus.OutputDataReceived += (_, e) => Garder(e.Data);
        _processus.ErrorDataReceived += (_, e) => Garder(e.Data);
        _processus.BeginOutputReadLine();
        _processus.BeginErrorReadLine();

        // Ready when /healthz answers (bounded: 60 s, polled every 50 ms; the wait is for another process, not a rule's time).
        using var sonde = new HttpClient { BaseAddress = Adresse, Timeout = TimeSpan.FromSeconds(2) };
        for (var i = 0; i < 1200; i++)
        {
            if (_processus.HasExited)
            {
                throw new InvalidOperationException($"L'hôte s'est arrêté au démarrage :\n{Journal}");
            }

            try
            {
                if ((await sonde.GetAsync(new Uri("/healthz", UriKind.Relative), annulation)).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }

            await Task.Delay(50, annulation);
        }

        throw new InvalidOperationException($"L'hôte n'a pas répondu en 60 s :\n{Journal}");
    }

    /// <summary>SIGKILL (Process.Kill on Linux): no shutdown, no flush, no finally block runs in the host.</summary>
    public void Tuer()
    {
        if (_processus is { HasExited: false })
        {
            _processus.Kill(entireProcessTree: true);
            _processus.WaitForExit();
        }

        _processus?.Dispose();
        _processus = null;
    }

    private void Garder(string? ligne)
    {
        if (ligne is null)
        {
            return;
        }

        lock (_dernieresLignes)
        {
            _dernieresLignes.Enqueue(ligne);
            while (_dernieresLignes.Count > 40)
            {
                _dernieresLignes.Dequeue();
            }
        }
    }

    private static int PortLibre()
    {
        using var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        return ((IPEndPoint)l.LocalEndpoint).Port;
    }

    public void Dispose() => Tuer();
}
