using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Examens.Core.Comptes;

/// <summary>
/// An administrator resets a member's second factor (a lost phone): the old key and the recovery codes stop working,
/// open sessions end, and at the next sign-in the member enrols an authenticator again after the password.
/// </summary>
public sealed class ReinitialiserSecondFacteur(UserManager<Compte> comptes, ExamensDbContext db, TimeProvider horloge)
{
    public async Task<ResultatOperation<Compte>> ExecuterAsync(string compteId, string acteurId, string? adresse, CancellationToken annulation)
    {
        var membre = await Personnel.TrouverAsync(db, compteId, annulation).ConfigureAwait(false);
        if (membre is null)
        {
            return ResultatOperation.Echec<Compte>(new ErreurRegle("", "NOT_FOUND", "Membre du personnel introuvable.", null));
        }

        var compte = membre.Compte;
        var avant = Personnel.DecrireEtat(compte);
        ChangerActivationCompte.Verifier(await comptes.SetTwoFactorEnabledAsync(compte, false).ConfigureAwait(false));
        ChangerActivationCompte.Verifier(await comptes.ResetAuthenticatorKeyAsync(compte).ConfigureAwait(false));
        // No recovery code survives the old authenticator.
        await comptes.GenerateNewTwoFactorRecoveryCodesAsync(compte, 0).ConfigureAwait(false);
        ChangerActivationCompte.Verifier(await comptes.UpdateSecurityStampAsync(compte).ConfigureAwait(false));
        db.Journal.Add(Personnel.Entree(horloge.GetUtcNow().UtcDateTime, acteurId, "compte.second-facteur.reinitialise", compteId,
            avant, Personnel.DecrireEtat(compte), adresse));
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(compte);
    }
}
