using Examens.Core.Convocations;
using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Examens.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Notes;

/// <summary>
/// Writes into <see cref="NoteUnite"/> what each registration takes over without an exam this session: kept grades
/// (Benefice, R15), carried grades (Report, R16) with their date of obtention (P1), and exemptions (Dispense, R23,
/// P4), from the current version of the registration. Run once the convocations are published (the versions are
/// then final); running it again changes nothing. The deliberation then reads every unit from one table.
/// </summary>
public sealed class ReprendreNotesAcquises(ExamensDbContext db, VerifierBrouillon verificateur, TimeProvider horloge)
{
    public sealed record Bilan(int Inscriptions, int Ajoutees);

    public async Task<ResultatOperation<Bilan>> ExecuterAsync(string acteur, bool administrateur, int sessionId, string? adresseIp, CancellationToken annulation)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == sessionId, annulation).ConfigureAwait(false);
        if (session is null)
        {
            return ResultatOperation.Echec<Bilan>(new ErreurRegle("P1", "NOT_FOUND", "Session introuvable.", null));
        }

        if (!session.ConvocationsPubliees)
        {
            return ResultatOperation.Echec<Bilan>(new ErreurRegle("P22", "NOT_CONVOKED",
                "Publiez d'abord les convocations : tant qu'elles ne le sont pas, une inscription peut encore changer.", null));
        }

        var inscriptions = await ChargerInscription.DuPerimetre(db, acteur, administrateur).AsNoTracking()
            .Where(i => i.AcademieSession.SessionId == sessionId && i.Etat == EtatInscription.Soumise)
            .Include(i => i.AcademieSession).ThenInclude(a => a.Session)
            .ToListAsync(annulation).ConfigureAwait(false);
        await VersionsCourantes.JoindreAsync(db, inscriptions, annulation).ConfigureAwait(false);
        var ids = inscriptions.Select(i => i.Id).ToList();
        var deja = new HashSet<(Guid, string)>();
        foreach (var lot in ids.Chunk(500))
        {
            foreach (var n in await db.NotesUnites.AsNoTracking().Where(n => lot.Contains(n.InscriptionId)).Select(n => new { n.InscriptionId, n.Unite }).ToListAsync(annulation).ConfigureAwait(false))
            {
                deja.Add((n.InscriptionId, n.Unite));
            }
        }

        var ajoutees = 0;
        foreach (var inscription in inscriptions)
        {
            foreach (var r in PlanSession.Etablir(inscription, verificateur)?.Reprises ?? [])
            {
                if (deja.Add((inscription.Id, r.Code)))
                {
                    db.NotesUnites.Add(new NoteUnite { InscriptionId = inscription.Id, Unite = r.Code, Nature = r.Nature, Note = r.Note, ObtenueLe = r.Obtention });
                    ajoutees++;
                }
            }
        }

        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = horloge.GetUtcNow().UtcDateTime,
            Acteur = acteur,
            Action = "notes.reprises",
            Cible = $"session:{sessionId}",
            Apres = $"{ajoutees} bénéfice(s), report(s) et dispense(s) repris pour {inscriptions.Count} inscription(s)",
            Adresse = adresseIp,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(new Bilan(inscriptions.Count, ajoutees));
    }
}
