using System.ComponentModel.DataAnnotations;
using Examens.Web.Comptes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Pages.Acces;

public sealed class ReinitialiserModel(UserManager<Examens.Core.Comptes.Compte> comptes) : PageModel
{
    // Nullable: a link cut short would otherwise get the framework's implicit, English "The Id field is required.".
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public const string LienIncomplet = "Ce lien est incomplet : ouvrez en entier le lien reçu par courriel (ou copiez-le jusqu'au bout), ou demandez-en un nouveau depuis « Mot de passe oublié ».";

    [BindProperty]
    [Required(ErrorMessage = "Choisissez un nouveau mot de passe.")]
    [StringLength(200, ErrorMessage = "Le mot de passe est trop long.")]
    public string MotDePasse { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Saisissez le mot de passe une seconde fois.")]
    [Compare(nameof(MotDePasse), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    public string Confirmation { get; set; } = "";

    public bool Fait { get; private set; }

    public void OnGet()
    {
        if (string.IsNullOrWhiteSpace(Id) || string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(string.Empty, LienIncomplet);
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Id) || string.IsNullOrWhiteSpace(Code))
        {
            ModelState.AddModelError(string.Empty, LienIncomplet);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var compte = await comptes.FindByIdAsync(Id!);
        var jeton = LiensCompte.Decoder(Code);
        if (compte is null || jeton is null)
        {
            ModelState.AddModelError(nameof(MotDePasse), "Ce lien n'est plus valable. Demandez-en un nouveau depuis « Mot de passe oublié ».");
            return Page();
        }

        var resultat = await comptes.ResetPasswordAsync(compte, jeton, MotDePasse);
        if (!resultat.Succeeded)
        {
            foreach (var e in resultat.Errors)
            {
                ModelState.AddModelError(nameof(MotDePasse), e.Description);
            }

            return Page();
        }

        await comptes.SetLockoutEndDateAsync(compte, null);
        Fait = true;
        return Page();
    }
}
