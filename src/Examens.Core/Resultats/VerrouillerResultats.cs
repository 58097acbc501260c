using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Resultats;

/// <summary>
/// Locks a deliberated session's results: from then on, no new deliberation and no jury change; only the publication
/// remains. The convocations must be published (R60: registrations no longer change, so none can arrive or change
/// after the lock) and every submitted registration deliberated. Definitive, written in the trail.
/// </summary>
public sealed class VerrouillerResultats(ExamensDbContext db, TimeProvider horloge)
{
    public async Task<ResultatOperation<PublicationResultats>> ExecuterAsync(int sessionId, string acteurId, string? adresse, CancellationToken annulation)
    {
        var publication = await db.PublicationsResultats.FirstOrDefaultAsync(p => p.SessionId == sessionId, annulation).ConfigureAwait(false);
        if (publication is { Verrouilles: true })
        {
            return ResultatOperation.Succes(publication);
        }

        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId && s.ConvocationsPubliees, annulation).ConfigureAwait(false))
        {
            return ResultatOperation.Echec<PublicationResultats>(new ErreurRegle("R60", "CONVOCATIONS_NOT_PUBLISHED",
                "Les convocations de cette session ne sont pas publiées : des inscriptions peuvent encore arriver ou changer (R60). Publiez les convocations, saisissez les notes et délibérez avant de verrouiller les résultats.", null));
        }

        var soumises = await db.Inscriptions.CountAsync(i => i.AcademieSession.SessionId == sessionId && i.Etat == EtatInscription.Soumise, annulation).ConfigureAwait(false);
        var deliberees = await db.ResultatsInscriptions.CountAsync(r => db.Inscriptions.Any(i => i.Id == r.InscriptionId && i.AcademieSession.SessionId == sessionId && i.Etat == EtatInscription.Soumise), annulation).ConfigureAwait(false);
        if (soumises == 0 || deliberees < soumises)
        {
            return ResultatOperation.Echec<PublicationResultats>(new ErreurRegle("", "NOT_DELIBERATED",
                $"La session n'est pas entièrement délibérée ({deliberees} candidat(s) délibéré(s) sur {soumises}) : lancez la délibération avant de verrouiller.", null));
        }

        var maintenant = horloge.GetUtcNow().UtcDateTime;
        if (publication is null)
        {
            publication = new PublicationResultats { SessionId = sessionId };
            db.PublicationsResultats.Add(publication);
        }

        publication.VerrouillesLeUtc = maintenant;
        publication.VerrouillesPar = acteurId;
        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = maintenant,
            Acteur = acteurId,
            Action = "resultats.verrouilles",
            Cible = $"session:{sessionId}",
            Apres = $"{deliberees} résultat(s) verrouillé(s)",
            Adresse = adresse,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(publication);
    }
}
