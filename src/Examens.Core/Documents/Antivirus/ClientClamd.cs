using System.Buffers.Binary;
using System.Net.Sockets;
using System.Text;

namespace Examens.Core.Documents.Antivirus;

/// <summary>
/// Talks to ClamAV's daemon with its INSTREAM command: <c>zINSTREAM\0</c>, then chunks each prefixed by their length
/// (4 bytes, big-endian), then a zero length; clamd answers <c>stream: OK</c> or <c>stream: &lt;signature&gt; FOUND</c>.
/// The address is "host:port" or the path of a unix socket ("unix:/run/clamav/clamd.ctl" or "/run/…").
/// </summary>
public sealed class ClientClamd(string adresse, TimeSpan delai)
{
    private const int TailleBloc = 64 * 1024;

    /// <summary>The signature found, or null when the file is clean. Unreachable or unintelligible clamd → <see cref="IOException"/>.</summary>
    public async Task<string?> AnalyserAsync(Stream contenu, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(contenu);
        using var limite = CancellationTokenSource.CreateLinkedTokenSource(annulation);
        limite.CancelAfter(delai);
        try
        {
            using var socket = await ConnecterAsync(limite.Token).ConfigureAwait(false);
            var flux = new NetworkStream(socket, ownsSocket: false);
            await using (flux.ConfigureAwait(false))
            {
                await flux.WriteAsync("zINSTREAM\0"u8.ToArray(), limite.Token).ConfigureAwait(false);
                var tampon = new byte[4 + TailleBloc];
                int lus;
                while ((lus = await contenu.ReadAsync(tampon.AsMemory(4, TailleBloc), limite.Token).ConfigureAwait(false)) > 0)
                {
                    BinaryPrimitives.WriteUInt32BigEndian(tampon, (uint)lus);
                    await flux.WriteAsync(tampon.AsMemory(0, 4 + lus), limite.Token).ConfigureAwait(false);
                }

                await flux.WriteAsync(new byte[4], limite.Token).ConfigureAwait(false);
                return Interpreter(await LireReponseAsync(flux, limite.Token).ConfigureAwait(false));
            }
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !annulation.IsCancellationRequested)
        {
            throw new IOException("L'antivirus (clamd) n'a pas répondu.", e);
        }
    }

    private async Task<Socket> ConnecterAsync(CancellationToken annulation)
    {
        var unix = adresse.StartsWith("unix:", StringComparison.Ordinal) ? adresse[5..] : adresse.StartsWith('/') ? adresse : null;
        if (unix is not null)
        {
            var local = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await local.ConnectAsync(new UnixDomainSocketEndPoint(unix), annulation).ConfigureAwait(false);
            return local;
        }

        var separateur = adresse.LastIndexOf(':');
        if (separateur <= 0 || !int.TryParse(adresse.AsSpan(separateur + 1), System.Globalization.CultureInfo.InvariantCulture, out var port))
        {
            throw new InvalidOperationException($"Adresse clamd invalide « {adresse} » (Examens:Antivirus:Clamd) : attendu « hôte:port » ou le chemin d'un socket unix.");
        }

        var tcp = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await tcp.ConnectAsync(adresse[..separateur].Trim('[', ']'), port, annulation).ConfigureAwait(false);
        return tcp;
    }

    private static async Task<string> LireReponseAsync(NetworkStream flux, CancellationToken annulation)
    {
        var reponse = new List<byte>();
        var octet = new byte[1];
        while (reponse.Count < 4096 && await flux.ReadAsync(octet, annulation).ConfigureAwait(false) == 1 && octet[0] != 0)
        {
            reponse.Add(octet[0]);
        }

        return Encoding.ASCII.GetString([.. reponse]).Trim();
    }

    private static string? Interpreter(string reponse)
    {
        if (reponse.EndsWith(" OK", StringComparison.Ordinal))
        {
            return null;
        }

        if (reponse.EndsWith(" FOUND", StringComparison.Ordinal))
        {
            var debut = reponse.IndexOf(": ", StringComparison.Ordinal);
            return reponse[(debut < 0 ? 0 : debut + 2)..^" FOUND".Length];
        }

        // "INSTREAM size limit exceeded. ERROR", an empty answer (connection closed)…: not a verdict.
        throw new IOException($"Réponse inattendue de clamd : « {reponse} ».");
    }
}
