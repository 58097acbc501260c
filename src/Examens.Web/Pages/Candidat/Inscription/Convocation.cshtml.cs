using Examens.Core.Comptes;
using Examens.Core.Convocations;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Candidat.Inscription;

/// <summary>The candidate's convocation (R69), as a PDF download, once the session's convocations are published.</summary>
public sealed class ConvocationModel(
    ExamensDbContext db, UserManager<Compte> comptes, VerifierBrouillon verificateur, TimeProvider horloge, ConstruireConvocation construire)
    : PageInscription(db, comptes, verificateur, horloge)
{
    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        var inscription = Dossier.Inscription;
        if (!inscription.AcademieSession.Session.ConvocationsPubliees || inscription.Etat != EtatInscription.Soumise)
        {
            return NotFound();
        }

        var pdf = await construire.PdfAsync(inscription, annulation);
        return pdf is null ? NotFound() : File(pdf, "application/pdf", $"convocation-{inscription.Numero}.pdf");
    }
}
