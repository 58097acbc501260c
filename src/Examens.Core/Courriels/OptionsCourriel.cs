using MailKit.Security;
using MimeKit;

namespace Examens.Core.Courriels;

/// <summary>
/// The "Courriels" configuration section. With <see cref="SmtpHote"/> set, mail goes to that server; without it, each
/// message is written as a .eml file in <see cref="Dossier"/> (or the host's default folder).
/// </summary>
public sealed class OptionsCourriel
{
    public string Expediteur { get; set; } = "Examens <ne-pas-repondre@examens.invalid>";

    public string? SmtpHote { get; set; }

    public int SmtpPort { get; set; } = 25;

    /// <summary>auto, none, starttls or ssl.</summary>
    public string SmtpSecurite { get; set; } = "auto";

    public string? Utilisateur { get; set; }

    public string? MotDePasse { get; set; }

    public string? Dossier { get; set; }

    internal MailboxAddress LireExpediteur()
    {
        if (!MailboxAddress.TryParse(Expediteur, out var adresse) || string.IsNullOrEmpty(adresse.LocalPart) || string.IsNullOrEmpty(adresse.Domain))
        {
            throw new InvalidOperationException(
                $"Configuration des courriels : l'expéditeur « {Expediteur} » n'est pas une adresse valide (exemple : « Examens <ne-pas-repondre@exemple.fr> »).");
        }

        return adresse;
    }

    internal SecureSocketOptions LireSecurite() => SmtpSecurite.Trim().ToUpperInvariant() switch
    {
        "AUTO" => SecureSocketOptions.Auto,
        "NONE" => SecureSocketOptions.None,
        "STARTTLS" => SecureSocketOptions.StartTls,
        "SSL" => SecureSocketOptions.SslOnConnect,
        _ => throw new InvalidOperationException(
            $"Configuration des courriels : SmtpSecurite vaut « {SmtpSecurite} », valeurs possibles : auto, none, starttls, ssl."),
    };

    /// <summary>Fails at start, in French, on a setting that would otherwise fail at the first message.</summary>
    internal void Valider()
    {
        LireExpediteur();
        if (SmtpHote is not null)
        {
            LireSecurite();
            if (SmtpPort is < 1 or > 65535)
            {
                throw new InvalidOperationException(
                    $"Configuration des courriels : SmtpPort vaut {SmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}, il doit être compris entre 1 et 65535.");
            }

            if (string.IsNullOrEmpty(Utilisateur) != string.IsNullOrEmpty(MotDePasse))
            {
                throw new InvalidOperationException("Configuration des courriels : Utilisateur et MotDePasse se donnent ensemble ou pas du tout.");
            }
        }
    }
}
