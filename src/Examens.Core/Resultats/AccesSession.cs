using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Resultats;

/// <summary>Who may act on a session's results: an administrator, or an officer of one of the session's academies.</summary>
public static class AccesSession
{
    public static Task<bool> AutoriseAsync(ExamensDbContext db, string compteId, bool administrateur, int sessionId, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        return administrateur
            ? db.Sessions.AnyAsync(s => s.Id == sessionId, annulation)
            : db.AcademiesSessions.AnyAsync(a => a.SessionId == sessionId
                && db.PerimetresGestionnaires.Any(p => p.CompteId == compteId && p.CodeAcademie == a.Code), annulation);
    }
}
