using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Gestion.Sessions;

/// <summary>The staff-only preview of a candidate's results page and relevé, before (and after) publication; within the scope only.</summary>
public sealed class ApercuModel(ExamensDbContext db, ConsulterResultat consulter) : PageGestion
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid InscriptionId { get; set; }

    public DetailResultat Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        var inscription = await InscriptionAsync(annulation);
        var resultat = inscription is null ? null : await consulter.ExecuterAsync(inscription, apercuPersonnel: true, annulation);
        if (resultat is null)
        {
            return NotFound();
        }

        Detail = resultat.Value.Detail;
        return Page();
    }

    public async Task<IActionResult> OnGetReleveAsync(CancellationToken annulation)
    {
        var inscription = await InscriptionAsync(annulation);
        var pdf = inscription is null ? null : await consulter.ReleveAsync(inscription, apercuPersonnel: true, annulation);
        return pdf is null ? NotFound() : File(pdf, "application/pdf", $"apercu-releve-{inscription!.Numero}.pdf");
    }

    private Task<Inscription?> InscriptionAsync(CancellationToken annulation) =>
        ChargerInscription.DuPerimetre(db, CompteId, Administrateur)
            .Include(i => i.AcademieSession).ThenInclude(a => a.Session)
            .FirstOrDefaultAsync(i => i.Id == InscriptionId && i.AcademieSession.SessionId == Id, annulation);
}
