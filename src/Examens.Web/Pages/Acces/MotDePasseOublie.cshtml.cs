using System.ComponentModel.DataAnnotations;
using Examens.Web.Comptes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Pages.Acces;

public sealed class MotDePasseOublieModel(UserManager<Examens.Core.Comptes.Compte> comptes, LiensCompte liens) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Indiquez l'adresse électronique de votre compte.")]
    [StringLength(200, ErrorMessage = "L'adresse électronique est trop longue.")]
    public string Courriel { get; set; } = "";

    public bool Envoye { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The same answer whether or not the account exists: the page does not reveal who has an account.
        var compte = await comptes.FindByEmailAsync(Courriel.Trim());
        if (compte is { EmailConfirmed: true })
        {
            await liens.EnvoyerReinitialisationAsync(compte, $"{Request.Scheme}://{Request.Host}", annulation);
        }

        Envoye = true;
        return Page();
    }
}
