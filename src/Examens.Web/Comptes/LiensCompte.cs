using System.Text;
using Examens.Core.Comptes;
using Examens.Core.Courriels;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;

namespace Examens.Web.Comptes;

/// <summary>The e-mails of the account: confirmation of the address and password reset, with their links.</summary>
public sealed class LiensCompte(UserManager<Compte> comptes, IEnvoiCourriel courriels)
{
    public async Task EnvoyerConfirmationAsync(Compte compte, string origine, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(compte);
        var jeton = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await comptes.GenerateEmailConfirmationTokenAsync(compte).ConfigureAwait(false)));
        var lien = $"{origine}/compte/confirmer?id={Uri.EscapeDataString(compte.Id)}&code={jeton}";
        await courriels.EnvoyerAsync(new Courriel(compte.Email!, "Confirmez votre adresse électronique – Examens", $"""
            Bonjour,

            Vous avez créé un compte sur Examens pour vous inscrire au BTS. Pour confirmer votre adresse électronique,
            ouvrez ce lien :

            {lien}

            Si vous n'avez pas créé ce compte, ignorez ce message.
            """), annulation).ConfigureAwait(false);
    }

    public async Task EnvoyerReinitialisationAsync(Compte compte, string origine, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(compte);
        var jeton = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await comptes.GeneratePasswordResetTokenAsync(compte).ConfigureAwait(false)));
        var lien = $"{origine}/compte/reinitialiser?id={Uri.EscapeDataString(compte.Id)}&code={jeton}";
        await courriels.EnvoyerAsync(new Courriel(compte.Email!, "Choisir un nouveau mot de passe – Examens", $"""
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
