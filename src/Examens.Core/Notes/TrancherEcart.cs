using Examens.Core.Convocations;
using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Notes;

/// <summary>
/// Settles a mismatch between saisie 1 and saisie 2 (issue 6): the officer keys the grade a third time, having checked
/// the paper, with a reason; the grade is validated and the trail keeps both keyings, the settlement and the reason.
/// </summary>
public sealed class TrancherEcart(ExamensDbContext db, VerifierBrouillon verificateur, TimeProvider horloge)
{
    public async Task<ResultatOperation<ValeurSaisie>> ExecuterAsync(
        string acteur, bool administrateur, Guid inscriptionId, string unite, string? note, string? absence, string? motif, string? adresseIp, CancellationToken annulation)
    {
        var inscription = await ChargerInscription.DuPerimetre(db, acteur, administrateur).AsNoTracking()
            .Include(i => i.AcademieSession).ThenInclude(a => a.Session)
            .FirstOrDefaultAsync(i => i.Id == inscriptionId, annulation).ConfigureAwait(false);
        if (inscription is not null)
        {
            await VersionsCourantes.JoindreAsync(db, [inscription], annulation).ConfigureAwait(false);
        }

        var saisies = inscription is null ? [] : await db.SaisiesNotes.Where(s => s.InscriptionId == inscriptionId && s.Unite == unite).ToListAsync(annulation).ConfigureAwait(false);
        var s1 = saisies.FirstOrDefault(s => s.Numero == 1);
        var s2 = saisies.FirstOrDefault(s => s.Numero == 2);
        if (inscription is null || s1 is null || s2 is null || s1.Concorde(s2)
            || await db.NotesUnites.AnyAsync(n => n.InscriptionId == inscriptionId && n.Unite == unite, annulation).ConfigureAwait(false))
        {
            return ResultatOperation.Echec<ValeurSaisie>(new ErreurRegle("P7", "NOT_FOUND", "Aucun écart de saisie à trancher pour ce candidat et cette unité.", null));
        }

        var erreurs = new List<ErreurRegle>();
        var (valeur, erreur) = LectureNote.Lire(note, absence);
        if (erreur is not null)
        {
            erreurs.Add(new("P7", "GRADE_INVALID", $"Note retenue : {erreur}", "note"));
        }

        motif = motif?.Trim();
        if (string.IsNullOrEmpty(motif) || motif.Length > 1000)
        {
            erreurs.Add(new("P7", "REASON_MISSING", "Indiquez le motif de l'arbitrage (par exemple : copie vérifiée), 1000 caractères au plus.", "motif"));
        }

        if (erreurs.Count > 0)
        {
            return ResultatOperation.Echec<ValeurSaisie>(erreurs);
        }

        var plan = PlanSession.Etablir(inscription, verificateur);
        var facultative = plan?.AuProgramme.FirstOrDefault(u => u.Code == unite)?.Facultative ?? false;
        var instant = horloge.GetUtcNow().UtcDateTime;
        var arbitrage = new SaisieNote
        {
            InscriptionId = inscriptionId,
            Unite = unite,
            Numero = SaisieNote.Arbitrage,
            Nature = valeur!.Value.Nature,
            Note = valeur.Value.Note,
            Acteur = acteur,
            Origine = OrigineSaisie.Arbitrage,
            SaisieLeUtc = instant,
        };
        db.SaisiesNotes.Add(arbitrage);
        db.NotesUnites.Add(EnregistrerSaisies.Valider(arbitrage, facultative, inscription.AcademieSession.Session.DateDeliberation));
        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = instant,
            Acteur = acteur,
            Action = "note.arbitrage",
            Cible = $"inscription:{inscriptionId}",
            Avant = $"{unite} : saisie 1 {new ValeurSaisie(s1.Nature, s1.Note).Texte} ; saisie 2 {new ValeurSaisie(s2.Nature, s2.Note).Texte}",
            Apres = $"{unite} : {valeur.Value.Texte}",
            Motif = motif,
            Adresse = adresseIp,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(valeur.Value);
    }
}
