using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.AspNetCore.Identity;

namespace Examens.Core.Comptes;

/// <summary>
/// An administrator disables or re-enables a staff account. A disabled account cannot sign in, and its open sessions
/// stop at their next check because the security stamp changes. Nobody disables themselves, and the last active
/// administrator stays: the back-office always keeps someone who can manage it.
/// </summary>
public sealed class ChangerActivationCompte(UserManager<Compte> comptes, ExamensDbContext db, TimeProvider horloge)
{
    public async Task<ResultatOperation<Compte>> ExecuterAsync(string compteId, bool activer, string acteurId, string? adresse, CancellationToken annulation)
    {
        var membres = await Personnel.ListerAsync(db, annulation).ConfigureAwait(false);
        var membre = membres.FirstOrDefault(m => m.Compte.Id == compteId);
        if (membre is null)
        {
            return ResultatOperation.Echec<Compte>(new ErreurRegle("", "NOT_FOUND", "Membre du personnel introuvable.", null));
        }

        var compte = membre.Compte;
        if (compte.Desactive == !activer)
        {
            return ResultatOperation.Succes(compte);
        }

        if (!activer && compteId == acteurId)
        {
            return ResultatOperation.Echec<Compte>(new ErreurRegle("", "SELF_DISABLE", "Vous ne pouvez pas désactiver votre propre compte.", null));
        }

        if (!activer && membre.Role == RolesPersonnel.Administrateur
            && !membres.Any(m => m.Role == RolesPersonnel.Administrateur && !m.Compte.Desactive && m.Compte.Id != compteId))
        {
            return ResultatOperation.Echec<Compte>(new ErreurRegle("", "LAST_ADMINISTRATOR",
                "C'est le dernier administrateur actif : créez ou réactivez un autre administrateur avant de le désactiver.", null));
        }

        var avant = Personnel.DecrireEtat(compte);
        compte.Desactive = !activer;
        Verifier(await comptes.UpdateAsync(compte).ConfigureAwait(false));
        // A new stamp ends the sessions already open (checked at the interval of SecurityStampValidatorOptions).
        Verifier(await comptes.UpdateSecurityStampAsync(compte).ConfigureAwait(false));
        db.Journal.Add(Personnel.Entree(horloge.GetUtcNow().UtcDateTime, acteurId, activer ? "compte.reactive" : "compte.desactive", compteId,
            avant, Personnel.DecrireEtat(compte), adresse));
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(compte);
    }

    internal static void Verifier(IdentityResult resultat)
    {
        if (!resultat.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", resultat.Errors.Select(e => e.Description)));
        }
    }
}
