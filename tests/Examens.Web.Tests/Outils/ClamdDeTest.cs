using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Examens.Web.Tests.Outils;

/// <summary>
/// A tiny clamd on a local TCP port speaking the INSTREAM protocol: reads the chunks, answers
/// "stream: Eicar-Test-Signature FOUND" when the EICAR test string is in the file, "stream: OK" otherwise.
/// </summary>
public sealed class ClamdDeTest : IAsyncDisposable
{
    /// <summary>The standard antivirus test string (harmless by design; every antivirus reports it).</summary>
    public static readonly string Eicar = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$" + "EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

    private readonly TcpListener _ecoute = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _arret = new();
    private readonly Task _boucle;

    public ClamdDeTest()
    {
        _ecoute.Start();
        _boucle = EcouterAsync();
    }

    public string Adresse => $"127.0.0.1:{((IPEndPoint)_ecoute.LocalEndpoint).Port}";

    /// <summary>How many files were scanned to the end.</summary>
    public int Analyses { get; private set; }

    /// <summary>A local address where nothing listens: clamd down.</summary>
    public static string AdresseFermee()
    {
        var l = new TcpListener(IPAddress.Loopback, 0);
        l.Start();
        var port = ((IPEndPoint)l.LocalEndpoint).Port;
        l.Stop();
        return $"127.0.0.1:{port}";
    }

    private async Task EcouterAsync()
    {
        while (!_arret.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _ecoute.AcceptTcpClientAsync(_arret.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            using (client)
            {
                await RepondreAsync(client.GetStream());
            }
        }
    }

    private async Task RepondreAsync(NetworkStream flux)
    {
        var commande = new byte["zINSTREAM\0".Length];
        await flux.ReadExactlyAsync(commande, _arret.Token);
        if (Encoding.ASCII.GetString(commande) != "zINSTREAM\0")
        {
            await flux.WriteAsync("UNKNOWN COMMAND\0"u8.ToArray(), _arret.Token);
            return;
        }

        using var recu = new MemoryStream();
        var longueur = new byte[4];
        while (true)
        {
            await flux.ReadExactlyAsync(longueur, _arret.Token);
            var taille = BinaryPrimitives.ReadUInt32BigEndian(longueur);
            if (taille == 0)
            {
                break;
            }

            var bloc = new byte[taille];
            await flux.ReadExactlyAsync(bloc, _arret.Token);
            recu.Write(bloc);
        }

        Analyses++;
        var infecte = Encoding.Latin1.GetString(recu.ToArray()).Contains(Eicar, StringComparison.Ordinal);
        await flux.WriteAsync(Encoding.ASCII.GetBytes(infecte ? "stream: Eicar-Test-Signature FOUND\0" : "stream: OK\0"), _arret.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await _arret.CancelAsync();
        _ecoute.Stop();
        await _boucle.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _arret.Dispose();
    }
}
