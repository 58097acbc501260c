using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Examens.Domain.Common;
using Examens.Domain.Regles;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Candidat;

/// <summary>The candidate's home: where each registration stands, what is left to do, the deadlines in local time.</summary>
public sealed class IndexModel(
    ExamensDbContext db, UserManager<Compte> comptes, VerifierBrouillon verificateur, TimeProvider horloge, CommencerInscription commencer) : PageModel
{
    public List<EtatDossier> Dossiers { get; } = [];

    public List<(AcademieSession Academie, PositionDansFenetre Position)> Academies { get; } = [];

    public string Local(DateTime utc, AcademieSession a) =>
        Francais.DateHeure(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), a.FuseauHoraire));

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        await ChargerAsync(annulation);
        return Page();
    }

    public async Task<IActionResult> OnPostCommencerAsync(int academieSessionId, CancellationToken annulation)
    {
        var resultat = await commencer.ExecuterAsync(comptes.GetUserId(User)!, academieSessionId, annulation, HttpContext.Connection.RemoteIpAddress?.ToString());
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

    private async Task ChargerAsync(CancellationToken annulation)
    {
        var compte = await comptes.GetUserAsync(User) ?? throw new InvalidOperationException("Compte introuvable.");
        var maintenant = horloge.GetUtcNow();
        // The home page is the most viewed page at the rush: read only what it shows, untracked — the current documents
        // and the latest version, not every version's frozen content.
        var inscriptions = await db.Inscriptions.AsNoTracking()
            .Where(i => i.CandidatId == compte.Id)
            .Include(i => i.AcademieSession).ThenInclude(a => a.Session)
            .ToListAsync(annulation);
        if (inscriptions.Count > 0)
        {
            var ids = inscriptions.Select(i => i.Id).ToList();
            var pieces = await db.PiecesDeposees.AsNoTracking().Where(p => ids.Contains(p.InscriptionId) && p.Courante).ToListAsync(annulation);
            var dernieres = await db.VersionsInscription.AsNoTracking()
                .Where(v => db.Inscriptions.Any(i => i.Id == v.InscriptionId && i.CandidatId == compte.Id && i.DerniereVersion == v.Numero))
                .ToListAsync(annulation);
            foreach (var i in inscriptions)
            {
                i.Pieces = [.. pieces.Where(p => p.InscriptionId == i.Id)];
                i.Versions = [.. dernieres.Where(v => v.InscriptionId == i.Id)];
            }
        }

        Dossiers.AddRange(inscriptions.OrderByDescending(i => i.CreeeLeUtc).Select(i => EtatDossier.Construire(i, compte, verificateur, maintenant)));
        var academies = await db.AcademiesSessions.AsNoTracking().Include(a => a.Session).ToListAsync(annulation);
        Academies.AddRange(academies
            .OrderByDescending(a => a.Session.Demonstration).ThenByDescending(a => a.FermetureUtc).ThenBy(a => a.Nom, StringComparer.Ordinal)
            .Select(a => (a, a.Fenetre.Position(maintenant))));
    }
}
