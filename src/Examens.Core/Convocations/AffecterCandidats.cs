using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Convocations;

/// <summary>
/// Assigns every submitted registration of the session not assigned yet to a centre of its academy, in one batch:
/// candidates of the same speciality and option are kept together (they sit the same papers), a group fills the
/// centre it starts in before overflowing to the next, and no centre gets more candidates than its capacity. Those
/// left without a seat are counted: the officer adds a centre or raises a capacity and runs it again.
/// </summary>
public sealed class AffecterCandidats(ExamensDbContext db, TimeProvider horloge)
{
    public sealed record Bilan(int Affectes, int SansPlace);

    public async Task<ResultatOperation<Bilan>> ExecuterAsync(string acteur, bool administrateur, int sessionId, string? adresseIp, CancellationToken annulation)
    {
        var (_, erreur) = await AccesSession.ModifiableAsync(db, sessionId, annulation).ConfigureAwait(false);
        if (erreur is not null)
        {
            return ResultatOperation.Echec<Bilan>(erreur);
        }

        var academies = await AccesSession.AcademiesAsync(db, sessionId, acteur, administrateur, annulation).ConfigureAwait(false);
        var centres = await db.CentresExamen.Where(c => c.SessionId == sessionId && academies.Contains(c.CodeAcademie))
            .OrderBy(c => c.Id).ToListAsync(annulation).ConfigureAwait(false);
        var occupation = await db.AffectationsCentres.Where(a => a.Centre.SessionId == sessionId)
            .GroupBy(a => a.CentreId).Select(g => new { g.Key, Nombre = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Nombre, annulation).ConfigureAwait(false);
        var aAffecter = await db.Inscriptions
            .Where(i => i.AcademieSession.SessionId == sessionId && i.Etat == EtatInscription.Soumise && academies.Contains(i.AcademieSession.Code))
            .Where(i => !db.AffectationsCentres.Any(a => a.InscriptionId == i.Id))
            .Select(i => new { i.Id, i.Numero, i.Specialite, i.Option, Academie = i.AcademieSession.Code })
            .ToListAsync(annulation).ConfigureAwait(false);

        var instant = horloge.GetUtcNow().UtcDateTime;
        int affectes = 0, sansPlace = 0;
        foreach (var groupe in aAffecter
                     .OrderBy(i => i.Academie, StringComparer.Ordinal).ThenBy(i => i.Specialite, StringComparer.Ordinal)
                     .ThenBy(i => i.Option, StringComparer.Ordinal).ThenBy(i => i.Numero, StringComparer.Ordinal)
                     .GroupBy(i => (i.Academie, i.Specialite, i.Option)))
        {
            var candidats = new Queue<Guid>(groupe.Select(i => i.Id));
            // The group starts in the centre with the most free seats, so it stays together whenever one centre can hold it.
            foreach (var centre in centres.Where(c => c.CodeAcademie == groupe.Key.Academie)
                         .OrderByDescending(c => c.Capacite - occupation.GetValueOrDefault(c.Id)).ThenBy(c => c.Id))
            {
                while (candidats.Count > 0 && occupation.GetValueOrDefault(centre.Id) < centre.Capacite)
                {
                    db.AffectationsCentres.Add(new AffectationCentre { InscriptionId = candidats.Dequeue(), CentreId = centre.Id, AffecteeLeUtc = instant });
                    occupation[centre.Id] = occupation.GetValueOrDefault(centre.Id) + 1;
                    affectes++;
                }
            }

            sansPlace += candidats.Count;
        }

        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = instant,
            Acteur = acteur,
            Action = "centres.affectation",
            Cible = $"session:{sessionId}",
            Apres = $"{affectes} candidat(s) affecté(s), {sansPlace} sans place",
            Adresse = adresseIp,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(new Bilan(affectes, sansPlace));
    }
}
