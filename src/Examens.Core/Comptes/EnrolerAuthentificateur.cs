using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Examens.Core.Comptes;

/// <summary>
/// A member of staff signed in with the password but without an authenticator enrols one: the key is shown, the member
/// proves the app holds it with a code, then receives 10 recovery codes shown once, each usable once instead of a code
/// (Identity keeps them in its token store).
/// </summary>
public sealed class EnrolerAuthentificateur(UserManager<Compte> comptes, ExamensDbContext db, TimeProvider horloge)
{
    public const int NombreCodesSecours = 10;

    public sealed record Cle(string Secret, string Uri);

    /// <summary>The key to show (made on the first visit, kept until the enrolment succeeds).</summary>
    public async Task<Cle> CleAsync(Compte compte)
    {
        ArgumentNullException.ThrowIfNull(compte);
        var secret = await comptes.GetAuthenticatorKeyAsync(compte).ConfigureAwait(false);
        if (string.IsNullOrEmpty(secret))
        {
            ChangerActivationCompte.Verifier(await comptes.ResetAuthenticatorKeyAsync(compte).ConfigureAwait(false));
            secret = (await comptes.GetAuthenticatorKeyAsync(compte).ConfigureAwait(false))!;
        }

        return new Cle(secret, UriAuthentification(compte.Email!, secret));
    }

    /// <summary>The Key URI format read by authenticator apps (the address URL-encoded, as `admin create` prints it).</summary>
    public static string UriAuthentification(string courriel, string secret) =>
        $"otpauth://totp/Examens:{System.Uri.EscapeDataString(courriel)}?secret={secret}&issuer=Examens";

    /// <summary>The key in groups of 4, easier to type.</summary>
    public static string Grouper(string secret) =>
        string.Join(' ', (secret ?? "").Chunk(4).Select(g => new string(g)));

    public async Task<ResultatOperation<IReadOnlyList<string>>> ExecuterAsync(Compte compte, string code, string? adresse, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(compte);
        if (compte.TwoFactorEnabled)
        {
            return ResultatOperation.Echec<IReadOnlyList<string>>(new ErreurRegle("", "ALREADY_ENROLLED",
                "Une application d'authentification est déjà associée à ce compte.", "Code"));
        }

        code = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (code.Length != 6 || !code.All(char.IsAsciiDigit)
            || !await comptes.VerifyTwoFactorTokenAsync(compte, comptes.Options.Tokens.AuthenticatorTokenProvider, code).ConfigureAwait(false))
        {
            return ResultatOperation.Echec<IReadOnlyList<string>>(new ErreurRegle("", "CODE_INVALID",
                "Code incorrect ou expiré : vérifiez que l'application affiche « Examens » avec votre adresse, puis saisissez le code affiché en ce moment.", "Code"));
        }

        ChangerActivationCompte.Verifier(await comptes.SetTwoFactorEnabledAsync(compte, true).ConfigureAwait(false));
        var codes = (await comptes.GenerateNewTwoFactorRecoveryCodesAsync(compte, NombreCodesSecours).ConfigureAwait(false))?.ToList() ?? [];
        db.Journal.Add(Personnel.Entree(horloge.GetUtcNow().UtcDateTime, compte.Id, "compte.authentificateur.enrole", compte.Id,
            "second facteur à enrôler", $"second facteur enrôlé, {codes.Count} codes de secours", adresse));
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes<IReadOnlyList<string>>(codes);
    }
}
