using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Gestion;

/// <summary>Which academies of the sessions a member of staff sees: every one for an administrator, the scope's codes for an officer.</summary>
public static class PerimetreSessions
{
    public static IQueryable<AcademieSession> Academies(ExamensDbContext db, string compteId, bool administrateur)
    {
        ArgumentNullException.ThrowIfNull(db);
        var codes = db.PerimetresGestionnaires.Where(p => p.CompteId == compteId).Select(p => p.CodeAcademie);
        return administrateur ? db.AcademiesSessions : db.AcademiesSessions.Where(a => codes.Contains(a.Code));
    }

    public static async Task<SessionExamen?> SessionAsync(ExamensDbContext db, int id, string compteId, bool administrateur, CancellationToken annulation)
    {
        var session = await db.Sessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, annulation).ConfigureAwait(false);
        if (session is null)
        {
            return null;
        }

        session.Academies = await Academies(db, compteId, administrateur).AsNoTracking().Where(a => a.SessionId == id)
            .OrderBy(a => a.Code).ToListAsync(annulation).ConfigureAwait(false);
        // An officer sees a session only through one of their academies.
        return administrateur || session.Academies.Count > 0 ? session : null;
    }

    public static string Etat(AcademieSession a, DateTimeOffset maintenant)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.Fenetre.Position(maintenant) switch
        {
            Domain.Regles.PositionDansFenetre.AvantOuverture => "à venir",
            Domain.Regles.PositionDansFenetre.Ouverte => "ouvertes",
            _ => "closes",
        };
    }
}
