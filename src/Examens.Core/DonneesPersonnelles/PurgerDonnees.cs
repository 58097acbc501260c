using Examens.Core.Documents;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.DonneesPersonnelles;

/// <summary>What the purge removed (or would remove) for one session past its retention period.</summary>
public sealed record PurgeSession(
    int SessionId, string Libelle, DateOnly DateDeliberation, int ConservationMois, DateOnly EchueLe,
    int InscriptionsSupprimees, int InscriptionsGardeesPourNotes, int Versions, int Pieces, int Notes, int Resultats);

/// <summary>The whole report: per session, and the stored files no longer referenced by anything.</summary>
public sealed record BilanPurge(bool Simulation, IReadOnlyList<PurgeSession> Sessions, int Fichiers);

/// <summary>
/// Removes, for every session whose retention period (<c>ConservationMois</c> months after its deliberation date) is
/// over, the documents (rows, then files no longer referenced) and the registrations with their versions. A
/// registration holding grades still usable at a later session (P1: five years from the deliberation) keeps its row,
/// grades and result, but loses its documents, versions and draft; it goes at the first purge after the five years.
/// Accounts and the trail stay (the trail is the proof of what was done; it holds ids, not documents). Files are
/// deleted after the rows are committed: a crash in between leaves an orphan file, never a reference without its file.
/// </summary>
public sealed class PurgerDonnees(ExamensDbContext db, StockageDocumentsDossier? dossier, TimeProvider horloge)
{
    public async Task<BilanPurge> ExecuterAsync(bool simulation, string acteur, CancellationToken annulation)
    {
        var aujourdhui = DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime);
        var sessions = (await db.Sessions.AsNoTracking().OrderBy(s => s.DateDeliberation).ToListAsync(annulation).ConfigureAwait(false))
            .Where(s => s.DateDeliberation.AddMonths(s.ConservationMois) < aujourdhui).ToList();
        var bilan = new List<PurgeSession>();
        var empreintes = new HashSet<string>(StringComparer.Ordinal);
        var piecesPurgees = new List<Guid>();
        foreach (var session in sessions)
        {
            var inscriptions = await db.Inscriptions.Where(i => i.AcademieSession.SessionId == session.Id)
                .Include(i => i.Versions).Include(i => i.Pieces).AsSplitQuery().ToListAsync(annulation).ConfigureAwait(false);
            var ids = inscriptions.Select(i => i.Id).ToList();
            var notes = await db.NotesUnites.Where(n => ids.Contains(n.InscriptionId)).ToListAsync(annulation).ConfigureAwait(false);
            var resultats = await db.ResultatsInscriptions.Where(r => ids.Contains(r.InscriptionId)).ToListAsync(annulation).ConfigureAwait(false);

            // P1: a grade obtained at this session may serve until the deliberation five years on.
            var notesValables = aujourdhui <= ValiditeDesNotes.DerniereDateUtilisable(session.DateDeliberation);
            var gardees = inscriptions.Where(i => notesValables && notes.Any(n => n.InscriptionId == i.Id)).ToList();
            var supprimees = inscriptions.Except(gardees).ToList();
            var idsSupprimes = supprimees.Select(i => i.Id).ToHashSet();
            var ligne = new PurgeSession(session.Id, session.Libelle, session.DateDeliberation, session.ConservationMois,
                session.DateDeliberation.AddMonths(session.ConservationMois), supprimees.Count, gardees.Count,
                inscriptions.Sum(i => i.Versions.Count), inscriptions.Sum(i => i.Pieces.Count),
                notes.Count(n => idsSupprimes.Contains(n.InscriptionId)), resultats.Count(r => idsSupprimes.Contains(r.InscriptionId)));
            if (ligne is { InscriptionsSupprimees: 0, Versions: 0, Pieces: 0 })
            {
                continue; // already purged: nothing to report
            }

            bilan.Add(ligne);
            empreintes.UnionWith(inscriptions.SelectMany(i => i.Pieces).Select(p => p.Empreinte));
            piecesPurgees.AddRange(inscriptions.SelectMany(i => i.Pieces).Select(p => p.Id));
            if (simulation)
            {
                continue;
            }

            foreach (var i in gardees)
            {
                db.PiecesDeposees.RemoveRange(i.Pieces);
                db.VersionsInscription.RemoveRange(i.Versions);
                i.Brouillon = "{}";
            }

            db.NotesUnites.RemoveRange(notes.Where(n => idsSupprimes.Contains(n.InscriptionId)));
            db.ResultatsInscriptions.RemoveRange(resultats.Where(r => idsSupprimes.Contains(r.InscriptionId)));
            db.Inscriptions.RemoveRange(supprimees); // versions and documents' rows go with them (cascade)
            db.Journal.Add(new EvenementJournal
            {
                InstantUtc = horloge.GetUtcNow().UtcDateTime,
                Acteur = acteur,
                Action = "donnees.purgees",
                Cible = $"session:{session.Id}",
                Apres = $"{ligne.InscriptionsSupprimees} inscription(s) supprimée(s), {ligne.InscriptionsGardeesPourNotes} gardée(s) pour leurs notes (P1), {ligne.Versions} version(s), {ligne.Pieces} pièce(s)",
                Motif = $"durée de conservation de {session.ConservationMois} mois après la délibération du {session.DateDeliberation:yyyy-MM-dd} écoulée",
            });
        }

        // One SaveChanges: every session's removal and its trail entry commit together, or nothing does.
        if (!simulation)
        {
            await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        }

        // A file goes only when nothing else references it (content-addressed: two uploads may share one).
        var encore = await db.PiecesDeposees.Where(p => empreintes.Contains(p.Empreinte) && !piecesPurgees.Contains(p.Id)).Select(p => p.Empreinte)
            .Union(db.DemandesCorrectionIdentite.Where(d => empreintes.Contains(d.EmpreinteJustificatif)).Select(d => d.EmpreinteJustificatif))
            .ToListAsync(annulation).ConfigureAwait(false);
        var aSupprimer = empreintes.Except(encore, StringComparer.Ordinal).ToList();
        if (!simulation)
        {
            foreach (var empreinte in aSupprimer)
            {
                await db.ContenusDocuments.Where(c => c.Empreinte == empreinte).ExecuteDeleteAsync(annulation).ConfigureAwait(false);
                if (dossier is not null)
                {
                    await dossier.SupprimerAsync(empreinte, annulation).ConfigureAwait(false);
                }
            }
        }

        return new BilanPurge(simulation, bilan, aSupprimer.Count);
    }
}
