using Examens.Core.Convocations;
using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Examens.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Gestion;

/// <summary>A back-office page about one session (convocations, grades): the session, and the academies the member of staff may act on.</summary>
public abstract class PageSession(ExamensDbContext db) : PageGestion
{
    protected ExamensDbContext Db => db;

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    public SessionExamen Session { get; private set; } = null!;

    /// <summary>The session's academies within the scope (all for an administrator).</summary>
    public IReadOnlyList<AcademieSession> Academies { get; private set; } = [];

    /// <summary>False when the session does not exist or none of its academies is in the scope: the page answers 404.</summary>
    protected async Task<bool> ChargerSessionAsync(CancellationToken annulation)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Academies).FirstOrDefaultAsync(s => s.Id == Id, annulation);
        if (session is null)
        {
            return false;
        }

        var codes = await AccesSession.AcademiesAsync(db, Id, CompteId, Administrateur, annulation);
        Session = session;
        Academies = [.. session.Academies.Where(a => codes.Contains(a.Code)).OrderBy(a => a.Nom, StringComparer.Ordinal)];
        return Academies.Count > 0;
    }

    protected void Erreurs(IEnumerable<ErreurRegle> erreurs, string prefixe = "")
    {
        ArgumentNullException.ThrowIfNull(erreurs);
        foreach (var e in erreurs)
        {
            ModelState.AddModelError(e.Chemin is null ? string.Empty : prefixe + e.Chemin, e.Message);
        }
    }
}
