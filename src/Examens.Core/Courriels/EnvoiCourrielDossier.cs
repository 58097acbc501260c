using System.Globalization;
using System.Security.Cryptography;
using MimeKit;

namespace Examens.Core.Courriels;

/// <summary>
/// Writes each message as a .eml file in a folder, for development and for sites without an SMTP server. A file
/// appears whole or not at all: it is written under a temporary name and renamed.
/// </summary>
public sealed class EnvoiCourrielDossier : IEnvoiCourriel
{
    // Breaks ties between messages sent in the same millisecond (a pass sends its lot at once): without it two files
    // could share a name prefix and sort in a random order.
    private static long _sequence;

    private readonly MailboxAddress _expediteur;
    private readonly TimeProvider _horloge;

    public EnvoiCourrielDossier(string dossier, OptionsCourriel options, TimeProvider horloge)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dossier);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(horloge);
        Dossier = Path.GetFullPath(dossier);
        _expediteur = options.LireExpediteur();
        _horloge = horloge;
    }

    public string Dossier { get; }

    public async Task EnvoyerAsync(Courriel courriel, CancellationToken annulation)
    {
        var maintenant = _horloge.GetUtcNow();
        var message = MessageCourriel.Construire(courriel, _expediteur, maintenant);

        // UTC then this process's sequence in the name: files sort in sending order whatever the server's time zone;
        // the random part keeps two nodes writing to the same folder apart.
        var sequence = Interlocked.Increment(ref _sequence);
        var nom = string.Create(CultureInfo.InvariantCulture,
            $"{maintenant.UtcDateTime:yyyyMMdd-HHmmss-fff}-{sequence:D8}-{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}.eml");
        Directory.CreateDirectory(Dossier);
        var final = Path.Combine(Dossier, nom);
        var temporaire = final + ".part";
        try
        {
            var flux = new FileStream(temporaire, FileMode.CreateNew, FileAccess.Write, FileShare.None, 16_384, FileOptions.Asynchronous);
            await using (flux.ConfigureAwait(false))
            {
                await message.WriteToAsync(flux, annulation).ConfigureAwait(false);
                await flux.FlushAsync(annulation).ConfigureAwait(false);
                flux.Flush(flushToDisk: true);
            }

            File.Move(temporaire, final, overwrite: false);
        }
        catch
        {
            File.Delete(temporaire);
            throw;
        }
    }
}
