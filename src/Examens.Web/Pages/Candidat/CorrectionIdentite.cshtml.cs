using System.ComponentModel.DataAnnotations;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Web.Comptes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Candidat;

public sealed class CorrectionIdentiteModel(ExamensDbContext db, UserManager<Compte> comptes, DemanderCorrectionIdentite demander, TimeProvider horloge) : PageModel
{
    public sealed class Formulaire
    {
        [Required(ErrorMessage = "Indiquez le nom de naissance exact.")]
        [StringLength(100, ErrorMessage = "Le nom compte au plus 100 caractères.")]
        [RegularExpression(TexteSimple.Nom, ErrorMessage = "Le nom ne peut contenir que des lettres, des espaces, des tirets et des apostrophes.")]
        public string Nom { get; set; } = "";

        [Required(ErrorMessage = "Indiquez les prénoms exacts.")]
        [StringLength(150, ErrorMessage = "Les prénoms comptent au plus 150 caractères.")]
        [RegularExpression(TexteSimple.Nom, ErrorMessage = "Les prénoms ne peuvent contenir que des lettres, des espaces, des tirets et des apostrophes.")]
        public string Prenoms { get; set; } = "";

        [Required(ErrorMessage = "Indiquez la date de naissance exacte (jj/mm/aaaa).")]
        public string DateNaissance { get; set; } = "";

        [Required(ErrorMessage = "Indiquez le lieu de naissance exact.")]
        [StringLength(150, ErrorMessage = "Le lieu de naissance compte au plus 150 caractères.")]
        [TexteLibre("Le lieu de naissance")]
        public string LieuNaissance { get; set; } = "";

        [Required(ErrorMessage = "Expliquez ce qui est à corriger.")]
        [StringLength(1000, ErrorMessage = "L'explication compte au plus 1 000 caractères.")]
        [TexteLibre("L'explication", multiligne: true)]
        public string Explication { get; set; } = "";
    }

    [BindProperty]
    public Formulaire Saisie { get; set; } = new();

    public Compte Compte { get; private set; } = null!;

    public List<DemandeCorrectionIdentite> Demandes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        await ChargerAsync(annulation);
        Saisie = new Formulaire { Nom = Compte.Nom, Prenoms = Compte.Prenoms, LieuNaissance = Compte.LieuNaissance,
            DateNaissance = Compte.DateNaissance?.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) ?? "" };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? justificatif, CancellationToken annulation)
    {
        await ChargerAsync(annulation);
        // An empty date already has its message (required): one message per field.
        DateOnly naissance = default;
        if (ModelState.GetFieldValidationState("Saisie.DateNaissance") != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid
            && !DateSaisie.Lire(Saisie.DateNaissance, horloge, out naissance, out var erreurDate))
        {
            ModelState.AddModelError("Saisie.DateNaissance", erreurDate);
        }

        if (justificatif is null || justificatif.Length == 0)
        {
            ModelState.AddModelError("justificatif", "Joignez un justificatif non vide (pièce d'identité ou acte de naissance).");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        await using var flux = justificatif!.OpenReadStream();
        var resultat = await demander.ExecuterAsync(Compte.Id,
            new DemanderCorrectionIdentite.Demande(Saisie.Nom.Trim(), Saisie.Prenoms.Trim(), naissance, Saisie.LieuNaissance.Trim(), Saisie.Explication.Trim()), flux, annulation, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (!resultat.Reussi)
        {
            foreach (var e in resultat.Erreurs)
            {
                ModelState.AddModelError(e.Chemin ?? string.Empty, e.Message);
            }

            return Page();
        }

        TempData["Message"] = "Votre demande de correction est envoyée au service des examens.";
        return Redirect("/candidat/identite/correction");
    }

    private async Task ChargerAsync(CancellationToken annulation)
    {
        Compte = await comptes.GetUserAsync(User) ?? throw new InvalidOperationException("Compte introuvable.");
        Demandes = await db.DemandesCorrectionIdentite.Where(d => d.CandidatId == Compte.Id).OrderByDescending(d => d.DemandeeLeUtc).ToListAsync(annulation);
    }
}
