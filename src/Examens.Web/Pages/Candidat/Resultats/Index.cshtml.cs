using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Candidat.Resultats;

/// <summary>
/// The signed-in candidate's results, session by session: a decision only once the session's publication instant has
/// come; before it, "pas encore publiés" and nothing else (no decision leaks through the page).
/// </summary>
public sealed class IndexModel(ExamensDbContext db, UserManager<Compte> comptes, TimeProvider horloge) : PageModel
{
    public sealed record Ligne(Guid Id, string Numero, string Session, string? Specialite, bool Publie, DateTime? PublicationUtc, string? Decision, string? Moyenne);

    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken annulation)
    {
        var candidatId = comptes.GetUserId(User) ?? "";
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var inscriptions = await db.Inscriptions.AsNoTracking()
            .Where(i => i.CandidatId == candidatId && i.Etat == EtatInscription.Soumise)
            .OrderByDescending(i => i.AcademieSession.Session.DateDeliberation)
            .Select(i => new
            {
                i.Id,
                i.Numero,
                Session = i.AcademieSession.Session.Libelle,
                i.Specialite,
                Publication = db.PublicationsResultats.Where(p => p.SessionId == i.AcademieSession.SessionId).Select(p => p.PublicationUtc).FirstOrDefault(),
            })
            .ToListAsync(annulation);
        var publiees = inscriptions.Where(i => i.Publication <= maintenant).Select(i => i.Id).ToList();
        // Results are read only for the published sessions: the others never leave the database.
        var resultats = await db.ResultatsInscriptions.AsNoTracking().Where(r => publiees.Contains(r.InscriptionId)).ToDictionaryAsync(r => r.InscriptionId, annulation);
        Lignes = [.. inscriptions.Select(i => resultats.TryGetValue(i.Id, out var r)
            ? new Ligne(i.Id, i.Numero, i.Session, i.Specialite, true, i.Publication, CalculerResultatCandidat.Libelle(r.Decision), CalculerResultatCandidat.Moyenne(r.Moyenne))
            : new Ligne(i.Id, i.Numero, i.Session, i.Specialite, false, i.Publication, null, null))];
    }

    public static string Local(DateTime utc) => FixerPublication.Local(utc);
}
