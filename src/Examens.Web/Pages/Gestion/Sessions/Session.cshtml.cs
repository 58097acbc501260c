using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Gestion.Sessions;

/// <summary>A session and its academies (an officer: only theirs, read only).</summary>
public sealed class SessionModel(ExamensDbContext db, TimeProvider horloge) : PageGestion
{
    public SessionExamen Session { get; private set; } = null!;

    public DateTimeOffset Maintenant { get; private set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken annulation)
    {
        Maintenant = horloge.GetUtcNow();
        var session = await PerimetreSessions.SessionAsync(db, id, CompteId, Administrateur, annulation);
        if (session is null)
        {
            return NotFound();
        }

        Session = session;
        return Page();
    }
}
