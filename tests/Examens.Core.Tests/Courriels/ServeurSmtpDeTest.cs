using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Examens.Core.Tests.Courriels;

/// <summary>
/// Just enough SMTP on 127.0.0.1 to receive one message over one connection: no TLS, no authentication, no
/// pipelining advertised, so the client speaks one command at a time.
/// </summary>
internal sealed class ServeurSmtpDeTest : IDisposable
{
    private readonly TcpListener _ecoute = new(IPAddress.Loopback, 0);

    public ServeurSmtpDeTest() => _ecoute.Start();

    public int Port => ((IPEndPoint)_ecoute.LocalEndpoint).Port;

    public async Task<MessageSmtpRecu> RecevoirUnMessageAsync(CancellationToken annulation)
    {
        using var client = await _ecoute.AcceptTcpClientAsync(annulation);
        await using var flux = client.GetStream();
        // Latin-1 maps every byte to one char, so the message comes back byte for byte.
        using var lecteur = new StreamReader(flux, Encoding.Latin1);
        await using var ecrivain = new StreamWriter(flux, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };

        string? de = null;
        var pour = new List<string>();
        byte[]? donnees = null;
        await ecrivain.WriteLineAsync("220 localhost ESMTP test");
        while (await lecteur.ReadLineAsync(annulation) is { } commande)
        {
            var verbe = commande.Split(' ', 2)[0].ToUpperInvariant();
            switch (verbe)
            {
                case "EHLO" or "HELO":
                    await ecrivain.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                    de = Adresse(commande);
                    await ecrivain.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    pour.Add(Adresse(commande));
                    await ecrivain.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await ecrivain.WriteLineAsync("354 Fin par <CRLF>.<CRLF>");
                    donnees = await LireDonneesAsync(lecteur, annulation);
                    await ecrivain.WriteLineAsync("250 OK");
                    break;
                case "QUIT":
                    await ecrivain.WriteLineAsync("221 Au revoir");
                    return new MessageSmtpRecu(de ?? "", pour, donnees ?? []);
                default:
                    await ecrivain.WriteLineAsync("502 Commande non prise en charge");
                    break;
            }
        }

        throw new InvalidOperationException("Le client a fermé la connexion sans QUIT.");
    }

    public void Dispose() => _ecoute.Dispose();

    private static string Adresse(string commande) => commande[(commande.IndexOf('<', StringComparison.Ordinal) + 1)..commande.IndexOf('>', StringComparison.Ordinal)];

    /// <summary>Lines up to the lone ".", with the client's dot-stuffing undone.</summary>
    private static async Task<byte[]> LireDonneesAsync(StreamReader lecteur, CancellationToken annulation)
    {
        var message = new StringBuilder();
        while (await lecteur.ReadLineAsync(annulation) is { } ligne && ligne != ".")
        {
            message.Append(ligne.StartsWith('.') ? ligne[1..] : ligne).Append("\r\n");
        }

        return Encoding.Latin1.GetBytes(message.ToString());
    }
}
