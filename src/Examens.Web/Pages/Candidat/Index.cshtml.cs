using System.Security.Claims;
using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Examens.Domain.Common;
using Examens.Domain.Regles;
using Examens.Web.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Candidat;

/// <summary>The candidate's home: where each registration stands, what is left to do, the deadlines in local time.</summary>
public sealed class IndexModel(
    ExamensDbContext db, AcademiesEnCache academiesEnCache, AccueilEnCache accueilEnCache, TimeProvider horloge) : PageModel
{
    public List<LigneAccueil> Dossiers { get; } = [];

    public List<(AcademieSession Academie, PositionDansFenetre Position)> Academies { get; } = [];

    public string Local(DateTime utc, AcademieSession a) =>
        Francais.DateHeure(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), a.FuseauHoraire));

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        await ChargerAsync(annulation);
        return Page();
    }

    // The most viewed page builds nothing it does not show: the use case is asked for by the form's handler only.
    public async Task<IActionResult> OnPostCommencerAsync(int academieSessionId, [FromServices] CommencerInscription commencer, CancellationToken annulation)
    {
        var resultat = await commencer.ExecuterAsync(CandidatId, academieSessionId, annulation, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (!resultat.Reussi)
        {
            foreach (var e in resultat.Erreurs)
            {
                ModelState.AddModelError(string.Empty, e.Message);
            }

            await ChargerAsync(annulation);
            return Page();
        }

        return Redirect($"/candidat/inscriptions/{resultat.Valeur}/identite");
    }

    // UserManager.GetUserId's claim, without building the user manager on every view.
    private string CandidatId => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    private async Task ChargerAsync(CancellationToken annulation)
    {
        var maintenant = horloge.GetUtcNow();
        // The most viewed page at the rush: one untracked query or the node's copy of it when it is younger than the
        // candidate's last change, the academies from the node's copy, no engine (see AccueilCandidat).
        var (dossiers, academies) = await AccueilCandidat.ChargerAsync(
            db, academiesEnCache, accueilEnCache, CandidatId, EcritureCandidat.Lire(Request), maintenant, annulation);
        Dossiers.AddRange(dossiers);
        Academies.AddRange(academies
            .OrderByDescending(a => a.Session.Demonstration).ThenByDescending(a => a.FermetureUtc).ThenBy(a => a.Nom, StringComparer.Ordinal)
            .Select(a => (a, a.Fenetre.Position(maintenant))));
    }
}
