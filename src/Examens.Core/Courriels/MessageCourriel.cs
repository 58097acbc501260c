using System.Text;
using MimeKit;
using MimeKit.Text;

namespace Examens.Core.Courriels;

/// <summary>Turns a <see cref="Courriel"/> into a MIME message, the same way for every sender.</summary>
internal static class MessageCourriel
{
    public static MimeMessage Construire(Courriel courriel, MailboxAddress expediteur, DateTimeOffset date)
    {
        ArgumentNullException.ThrowIfNull(courriel);
        if (!MailboxAddress.TryParse(courriel.Destinataire, out var destinataire) || string.IsNullOrEmpty(destinataire.LocalPart) || string.IsNullOrEmpty(destinataire.Domain))
        {
            throw new ArgumentException($"L'adresse du destinataire « {courriel.Destinataire} » n'est pas une adresse électronique valide.", nameof(courriel));
        }

        var message = new MimeMessage { Subject = courriel.Objet, Date = date };
        message.From.Add(expediteur);
        message.To.Add(destinataire);
        var texte = Partie(TextFormat.Plain, courriel.Texte);
        message.Body = courriel.Html is null ? texte : new MultipartAlternative { texte, Partie(TextFormat.Html, courriel.Html) };
        return message;
    }

    // UTF-8 in quoted-printable: French stays readable in the raw file and passes any 7-bit relay.
    private static TextPart Partie(TextFormat format, string contenu)
    {
        var partie = new TextPart(format) { ContentTransferEncoding = ContentEncoding.QuotedPrintable };
        partie.SetText(Encoding.UTF8, contenu);
        return partie;
    }
}
