using Examens.Core.Persistance;
using Examens.Core.Sessions;

namespace Examens.Core.Exports;

/// <summary>The academies (of every session) a member of staff may list: their scope, or all for an administrator.</summary>
public static class Perimetre
{
    public static IQueryable<AcademieSession> Academies(ExamensDbContext db, string compteId, bool administrateur)
    {
        ArgumentNullException.ThrowIfNull(db);
        return administrateur
            ? db.AcademiesSessions
            : db.AcademiesSessions.Where(a => db.PerimetresGestionnaires.Any(p => p.CompteId == compteId && p.CodeAcademie == a.Code));
    }
}
