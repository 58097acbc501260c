using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Candidat.Inscription;

/// <summary>The confirmation d'inscription of the latest submitted version, as a PDF download.</summary>
public sealed class ConfirmationModel(
    ExamensDbContext db, UserManager<Compte> comptes, VerifierBrouillon verificateur, TimeProvider horloge, ConstruireConfirmation construire)
    : PageInscription(db, comptes, verificateur, horloge)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        var pdf = construire.Generer(Dossier.Inscription, Compte);
        if (pdf is null)
        {
            TempData["Message"] = "Soumettez d'abord votre inscription : la confirmation reprend la version soumise.";
            return Redirect($"/candidat/inscriptions/{Id}/recapitulatif");
        }

        return File(pdf, "application/pdf", $"confirmation-inscription-{Dossier.Inscription.Numero}-v{Dossier.Inscription.DerniereVersion}.pdf");
    }
}
