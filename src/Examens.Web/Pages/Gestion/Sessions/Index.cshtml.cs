using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Examens.Web.Gestion;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Gestion.Sessions;

/// <summary>The sessions a member of staff may deliberate: every one for an administrator, those of their academies for an officer.</summary>
public sealed class IndexModel(ExamensDbContext db, TimeProvider horloge) : PageGestion
{
    public sealed record Ligne(int Id, string Libelle, DateOnly DateDeliberation, int Deliberes, PublicationResultats? Publication);

    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];

    public DateTimeOffset Maintenant => horloge.GetUtcNow();

    public async Task OnGetAsync(CancellationToken annulation)
    {
        var sessions = await db.Sessions.AsNoTracking()
            .Where(s => Administrateur || db.AcademiesSessions.Any(a => a.SessionId == s.Id
                && db.PerimetresGestionnaires.Any(p => p.CompteId == CompteId && p.CodeAcademie == a.Code)))
            .OrderByDescending(s => s.DateDeliberation)
            .Select(s => new
            {
                s.Id,
                s.Libelle,
                s.DateDeliberation,
                Deliberes = db.ResultatsInscriptions.Count(r => db.Inscriptions.Any(i => i.Id == r.InscriptionId && i.AcademieSession.SessionId == s.Id)),
            })
            .ToListAsync(annulation);
        var publications = await db.PublicationsResultats.AsNoTracking().ToDictionaryAsync(p => p.SessionId, annulation);
        Lignes = [.. sessions.Select(s => new Ligne(s.Id, s.Libelle, s.DateDeliberation, s.Deliberes, publications.GetValueOrDefault(s.Id)))];
    }
}
