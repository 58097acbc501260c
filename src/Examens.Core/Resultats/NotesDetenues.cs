using Examens.Core.Persistance;
using Examens.Domain.Deliberations;
using Examens.Domain.Inscriptions;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Resultats;

/// <summary>A grade this product holds for the candidate from an earlier session, as offered to a new registration.</summary>
/// <param name="Obtention">The deliberation date of the session it was obtained at (P1), or the original date of a grade kept then.</param>
/// <param name="Expiree">Past its five-year validity at the new session's deliberation (R14, P1): shown, never offered.</param>
/// <param name="Offerte">Can be kept or carried at this registration: valid, and a grade under 10 only in the progressive form (P3).</param>
public sealed record NoteDetenue(string Unite, decimal Note, DateOnly Obtention, string SessionOrigine, DateOnly ValableJusquau, bool Expiree, bool Offerte)
{
    public ChoixNote Choix => NoteSur20.EstAcquise(Note) ? ChoixNote.Benefice : ChoixNote.Report;
}

/// <summary>
/// The grades of a deferred (or incomplete, progressive) candidate's earlier published sessions in the same
/// speciality, unit by unit, the latest session first (R17: the latest grade is the one that counts). They come from
/// this product, so no relevé de notes is asked for them (D3 is for grades from elsewhere).
/// </summary>
public static class NotesDetenues
{
    public static async Task<IReadOnlyList<NoteDetenue>> ChargerAsync(
        ExamensDbContext db, string candidatId, Guid inscriptionCourante, string specialite, DateOnly dateDeliberation, FormePassage? forme,
        DateTimeOffset maintenant, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        var instant = maintenant.UtcDateTime;
        var precedentes = await (
                from r in db.ResultatsInscriptions
                join i in db.Inscriptions on r.InscriptionId equals i.Id
                join p in db.PublicationsResultats on i.AcademieSession.SessionId equals p.SessionId
                where i.CandidatId == candidatId && i.Id != inscriptionCourante && i.Specialite == specialite
                      && (r.Decision == Decision.Ajourne || r.Decision == Decision.Incomplet)
                      && p.PublicationUtc != null && p.PublicationUtc <= instant
                      && i.AcademieSession.Session.DateDeliberation < dateDeliberation
                select new { i.Id, i.AcademieSession.Session.Libelle, i.AcademieSession.Session.DateDeliberation })
            .AsNoTracking().ToListAsync(annulation).ConfigureAwait(false);
        if (precedentes.Count == 0)
        {
            return [];
        }

        var ids = precedentes.Select(p => p.Id).ToList();
        var notes = await db.NotesUnites.AsNoTracking()
            .Where(n => ids.Contains(n.InscriptionId) && !n.Facultative && n.Note != null
                        && (n.Nature == NatureResultat.Note || n.Nature == NatureResultat.Benefice || n.Nature == NatureResultat.Report))
            .ToListAsync(annulation).ConfigureAwait(false);
        var sessions = await db.Sessions.AsNoTracking().Where(s => !s.Demonstration).Select(s => new { s.Libelle, s.DateDeliberation })
            .ToListAsync(annulation).ConfigureAwait(false);
        var parInscription = precedentes.ToDictionary(p => p.Id);
        return [.. notes
            .Select(n =>
            {
                var origine = parInscription[n.InscriptionId];
                var sieeCetteSession = n.Nature == NatureResultat.Note;
                var obtention = sieeCetteSession ? origine.DateDeliberation : n.ObtenueLe ?? origine.DateDeliberation;
                var libelle = sieeCetteSession ? origine.Libelle : sessions.FirstOrDefault(s => s.DateDeliberation == obtention)?.Libelle ?? $"session {obtention.Year}";
                return (n.Unite, n.Note!.Value, obtention, libelle, Ordre: origine.DateDeliberation);
            })
            .GroupBy(x => x.Unite, StringComparer.OrdinalIgnoreCase)
            .Select(g => g.OrderByDescending(x => x.Ordre).First())
            .Select(x =>
            {
                var expiree = !ValiditeDesNotes.EstUtilisableA(x.obtention, dateDeliberation);
                var offerte = !expiree && (NoteSur20.EstAcquise(x.Item2) || forme == FormePassage.Progressive);
                return new NoteDetenue(x.Unite, x.Item2, x.obtention, x.libelle, ValiditeDesNotes.DerniereDateUtilisable(x.obtention), expiree, offerte);
            })
            .OrderBy(n => n.Unite, StringComparer.Ordinal)];
    }
}
