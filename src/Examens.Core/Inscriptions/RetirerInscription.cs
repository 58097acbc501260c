using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Examens.Domain.Regles;

namespace Examens.Core.Inscriptions;

/// <summary>The candidate withdraws a submitted registration, until the close (P22). Its versions stay in the history.</summary>
public sealed class RetirerInscription(ExamensDbContext db, TimeProvider horloge)
{
    public async Task<ResultatOperation<bool>> ExecuterAsync(string candidatId, Guid inscriptionId, CancellationToken annulation, string? adresse = null)
    {
        var inscription = await ChargerInscription.DuCandidatAsync(db, candidatId, inscriptionId, annulation).ConfigureAwait(false);
        if (inscription is null)
        {
            return ResultatOperation.Echec<bool>(new ErreurRegle("", "NOT_FOUND", "Inscription introuvable.", null));
        }

        var maintenant = horloge.GetUtcNow();
        var refus = ModificationInscription.Verifier(Acteur.Candidat, maintenant, inscription.AcademieSession.Fenetre,
            inscription.AcademieSession.Session.ConvocationsPubliees, null);
        if (refus is not null)
        {
            return ResultatOperation.Echec<bool>(refus);
        }

        if (inscription.Etat != EtatInscription.Soumise)
        {
            return ResultatOperation.Echec<bool>(new ErreurRegle("P22", "NOT_SUBMITTED", "Seule une inscription soumise peut être retirée.", null));
        }

        inscription.Retirer(maintenant.UtcDateTime);
        inscription.Revision++;
        inscription.Complet = false;
        TraceInscription.Ajouter(db, maintenant, candidatId, "inscription.retiree", TraceInscription.Cible(inscription.Id),
            $"Soumise, version {inscription.DerniereVersion}", "Retiree", null, adresse);
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(true);
    }
}
