using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Resultats;

/// <summary>
/// Who may see a session's results: an administrator, or an officer of one of the session's academies. Who may act on
/// the whole session (deliberate, lock, set the publication): an administrator, or an officer whose scope covers every
/// academy of the session, as for the convocations: locking and publishing are final for every academy's candidates.
/// </summary>
public static class AccesSession
{
    public static async Task<bool> SurToutLaSessionAsync(ExamensDbContext db, string compteId, bool administrateur, int sessionId, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!await db.Sessions.AnyAsync(s => s.Id == sessionId, annulation).ConfigureAwait(false))
        {
            return false;
        }

        return administrateur || !await db.AcademiesSessions.AnyAsync(a => a.SessionId == sessionId
            && !db.PerimetresGestionnaires.Any(p => p.CompteId == compteId && p.CodeAcademie == a.Code), annulation).ConfigureAwait(false);
    }

    public static Task<bool> AutoriseAsync(ExamensDbContext db, string compteId, bool administrateur, int sessionId, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        return administrateur
            ? db.Sessions.AnyAsync(s => s.Id == sessionId, annulation)
            : db.AcademiesSessions.AnyAsync(a => a.SessionId == sessionId
                && db.PerimetresGestionnaires.Any(p => p.CompteId == compteId && p.CodeAcademie == a.Code), annulation);
    }
}
