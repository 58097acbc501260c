using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Examens.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Convocations;

/// <summary>
/// What a member of staff may touch in a session: an administrator every academy, an officer the academies of their
/// scope (PerimetreGestionnaire). Changes to centres, timetable and assignments stop once convocations are out (P22, R60).
/// </summary>
public static class AccesSession
{
    public static async Task<IReadOnlyList<string>> AcademiesAsync(ExamensDbContext db, int sessionId, string compteId, bool administrateur, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        var codes = db.AcademiesSessions.Where(a => a.SessionId == sessionId).Select(a => a.Code);
        if (!administrateur)
        {
            codes = codes.Where(c => db.PerimetresGestionnaires.Any(p => p.CompteId == compteId && p.CodeAcademie == c));
        }

        return await codes.ToListAsync(annulation).ConfigureAwait(false);
    }

    /// <summary>The session, or an error in French: unknown, or convocations already published.</summary>
    public static async Task<(SessionExamen? Session, ErreurRegle? Erreur)> ModifiableAsync(ExamensDbContext db, int sessionId, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        var session = await db.Sessions.FirstOrDefaultAsync(s => s.Id == sessionId, annulation).ConfigureAwait(false);
        if (session is null)
        {
            return (null, new ErreurRegle("R69", "NOT_FOUND", "Session introuvable.", null));
        }

        return session.ConvocationsPubliees
            ? (null, new ErreurRegle("R60", "CONVOCATIONS_PUBLISHED", "Les convocations de cette session sont publiées : centres, calendrier et affectations ne changent plus.", null))
            : (session, null);
    }
}
