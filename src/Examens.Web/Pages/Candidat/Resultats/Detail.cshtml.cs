using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Pages.Candidat.Resultats;

/// <summary>One registration's results and its relevé de notes: the candidate's own registration only, and only once published (404 otherwise).</summary>
public sealed class DetailModel(ExamensDbContext db, UserManager<Compte> comptes, ConsulterResultat consulter) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public DetailResultat Detail { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        var inscription = await ChargerInscription.DuCandidatAsync(db, comptes.GetUserId(User) ?? "", Id, annulation);
        var resultat = inscription is null ? null : await consulter.ExecuterAsync(inscription, apercuPersonnel: false, annulation);
        if (resultat is null)
        {
            return NotFound();
        }

        Detail = resultat.Value.Detail;
        return Page();
    }

    public async Task<IActionResult> OnGetReleveAsync(CancellationToken annulation)
    {
        var inscription = await ChargerInscription.DuCandidatAsync(db, comptes.GetUserId(User) ?? "", Id, annulation);
        var pdf = inscription is null ? null : await consulter.ReleveAsync(inscription, apercuPersonnel: false, annulation);
        return pdf is null ? NotFound() : File(pdf, "application/pdf", $"releve-de-notes-{inscription!.Numero}.pdf");
    }
}
