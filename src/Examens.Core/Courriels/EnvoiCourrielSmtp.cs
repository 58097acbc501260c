using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Examens.Core.Courriels;

/// <summary>Sends each message through the configured SMTP server, one connection per message.</summary>
public sealed class EnvoiCourrielSmtp : IEnvoiCourriel
{
    private readonly string _hote;
    private readonly int _port;
    private readonly SecureSocketOptions _securite;
    private readonly string? _utilisateur;
    private readonly string? _motDePasse;
    private readonly MailboxAddress _expediteur;
    private readonly TimeProvider _horloge;

    public EnvoiCourrielSmtp(OptionsCourriel options, TimeProvider horloge)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(horloge);
        if (string.IsNullOrWhiteSpace(options.SmtpHote))
        {
            throw new ArgumentException("Configuration des courriels : SmtpHote est vide, aucun serveur SMTP n'est désigné.", nameof(options));
        }

        options.Valider();
        _hote = options.SmtpHote;
        _port = options.SmtpPort;
        _securite = options.LireSecurite();
        _utilisateur = options.Utilisateur;
        _motDePasse = options.MotDePasse;
        _expediteur = options.LireExpediteur();
        _horloge = horloge;
    }

    public async Task EnvoyerAsync(Courriel courriel, CancellationToken annulation)
    {
        var message = MessageCourriel.Construire(courriel, _expediteur, _horloge.GetUtcNow());
        using var client = new SmtpClient();
        await client.ConnectAsync(_hote, _port, _securite, annulation).ConfigureAwait(false);
        if (!string.IsNullOrEmpty(_utilisateur))
        {
            await client.AuthenticateAsync(_utilisateur, _motDePasse ?? "", annulation).ConfigureAwait(false);
        }

        await client.SendAsync(message, annulation).ConfigureAwait(false);
        await client.DisconnectAsync(quit: true, annulation).ConfigureAwait(false);
    }
}
