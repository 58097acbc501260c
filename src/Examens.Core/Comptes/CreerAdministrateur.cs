using System.Security.Cryptography;
using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Examens.Core.Comptes;

/// <summary>
/// Creates an administrator (the first one comes from the command line): e-mail confirmed, a strong random password
/// shown once, and two-factor sign-in already on with a fresh authenticator key, so no staff account ever exists
/// without its second factor. There is no default password.
/// </summary>
public sealed class CreerAdministrateur(UserManager<Compte> comptes, RoleManager<IdentityRole> roles, ExamensDbContext db, TimeProvider horloge)
{
    /// <summary>No 0/O, 1/l/I: the password is read off a terminal and typed once.</summary>
    private const string Alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public sealed record Cree(Compte Compte, string MotDePasse, string Cle, string UriAuthentification, IReadOnlyList<string> CodesSecours);

    public async Task<ResultatOperation<Cree>> ExecuterAsync(string courriel, string acteur, CancellationToken annulation)
    {
        courriel = (courriel ?? "").Trim();
        if (courriel.Length is 0 or > 200 || courriel.IndexOf('@', StringComparison.Ordinal) <= 0 || courriel.EndsWith('@'))
        {
            return ResultatOperation.Echec<Cree>(new ErreurRegle("", "EMAIL_INVALID", $"« {courriel} » n'est pas une adresse électronique.", "courriel"));
        }

        if (await comptes.FindByEmailAsync(courriel).ConfigureAwait(false) is not null)
        {
            return ResultatOperation.Echec<Cree>(new ErreurRegle("", "EMAIL_TAKEN", $"Un compte existe déjà avec l'adresse {courriel} : rien n'a été créé.", "courriel"));
        }

        await RolesPersonnel.CreerManquantsAsync(roles).ConfigureAwait(false);
        var compte = new Compte { UserName = courriel, Email = courriel, EmailConfirmed = true, CreeLeUtc = horloge.GetUtcNow().UtcDateTime };
        var motDePasse = string.Join('-', Enumerable.Range(0, 5).Select(_ => RandomNumberGenerator.GetString(Alphabet, 5)));
        var creation = await comptes.CreateAsync(compte, motDePasse).ConfigureAwait(false);
        if (!creation.Succeeded)
        {
            return ResultatOperation.Echec<Cree>([.. creation.Errors.Select(e => new ErreurRegle("", e.Code, e.Description, null))]);
        }

        Verifier(await comptes.AddToRoleAsync(compte, RolesPersonnel.Administrateur).ConfigureAwait(false));
        Verifier(await comptes.ResetAuthenticatorKeyAsync(compte).ConfigureAwait(false));
        var cle = await comptes.GetAuthenticatorKeyAsync(compte).ConfigureAwait(false)
            ?? throw new InvalidOperationException("La clé d'authentification n'a pas été créée.");
        Verifier(await comptes.SetTwoFactorEnabledAsync(compte, true).ConfigureAwait(false));
        // The same 10 recovery codes a member enrolling in the back-office receives (EnrolerAuthentificateur).
        var codesSecours = (await comptes.GenerateNewTwoFactorRecoveryCodesAsync(compte, EnrolerAuthentificateur.NombreCodesSecours).ConfigureAwait(false))?.ToList() ?? [];

        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = horloge.GetUtcNow().UtcDateTime,
            Acteur = acteur,
            Action = "compte.administrateur.cree",
            Cible = $"compte:{compte.Id}",
            Apres = RolesPersonnel.Administrateur,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);

        return ResultatOperation.Succes(new Cree(compte, motDePasse, cle, EnrolerAuthentificateur.UriAuthentification(courriel, cle), codesSecours));
    }

    private static void Verifier(IdentityResult resultat)
    {
        if (!resultat.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", resultat.Errors.Select(e => e.Description)));
        }
    }
}
