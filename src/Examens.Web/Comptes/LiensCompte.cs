using System.Text;
using Examens.Core.Comptes;
using Examens.Core.Courriels;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Examens.Web.Comptes;

/// <summary>The e-mails of the account: confirmation of the address and password reset, with their links.</summary>
public sealed partial class LiensCompte(UserManager<Compte> comptes, IEnvoiCourriel courriels, ILogger<LiensCompte> journal)
{
    /// <summary>
    /// Someone tried to create an account with an address that has one: its owner is told by mail, and the page answers
    /// as for a new account, so the page never reveals who has an account.
    /// </summary>
    public Task<bool> EnvoyerCompteExistantAsync(Compte compte, string origine, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(compte);
        return EnvoyerAsync(new Courriel(compte.Email!, "Vous avez déjà un compte – Examens", $"""
            Bonjour,

            Quelqu'un, vous peut-être, a voulu créer un compte Examens avec cette adresse électronique, qui en a déjà un.
            Connectez-vous : {origine}/compte/connexion
            Mot de passe oublié ? {origine}/compte/mot-de-passe-oublie

            Si vous n'êtes pas à l'origine de cette demande, ignorez ce message.
            """), annulation);
    }

    /// <summary>A mail that cannot leave is logged (without the address) and reported to the page, never thrown.</summary>
    private async Task<bool> EnvoyerAsync(Courriel courriel, CancellationToken annulation)
    {
        try
        {
            await courriels.EnvoyerAsync(courriel, annulation).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // the page says the mail could not leave; the account itself is fine.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            JournalEchec(journal, e.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Courriel de compte non envoyé ({TypeErreur}).")]
    private static partial void JournalEchec(ILogger journal, string typeErreur);

    public async Task<bool> EnvoyerConfirmationAsync(Compte compte, string origine, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(compte);
        var jeton = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await comptes.GenerateEmailConfirmationTokenAsync(compte).ConfigureAwait(false)));
        var lien = $"{origine}/compte/confirmer?id={Uri.EscapeDataString(compte.Id)}&code={jeton}";
        return await EnvoyerAsync(new Courriel(compte.Email!, "Confirmez votre adresse électronique – Examens", $"""
            Bonjour,

            Vous avez créé un compte sur Examens pour vous inscrire au BTS. Pour confirmer votre adresse électronique,
            ouvrez ce lien :

            {lien}

            Si vous n'avez pas créé ce compte, ignorez ce message.
            """), annulation).ConfigureAwait(false);
    }

    public async Task<bool> EnvoyerReinitialisationAsync(Compte compte, string origine, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(compte);
        var jeton = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await comptes.GeneratePasswordResetTokenAsync(compte).ConfigureAwait(false)));
        var lien = $"{origine}/compte/reinitialiser?id={Uri.EscapeDataString(compte.Id)}&code={jeton}";
        return await EnvoyerAsync(new Courriel(compte.Email!, "Choisir un nouveau mot de passe – Examens", $"""
            Bonjour,

            Une demande de nouveau mot de passe a été faite pour votre compte Examens. Pour choisir un nouveau mot de
            passe, ouvrez ce lien :

            {lien}

            Si vous n'êtes pas à l'origine de cette demande, ignorez ce message : votre mot de passe reste inchangé.
            """), annulation).ConfigureAwait(false);
    }

    public static string? Decoder(string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
