using System.ComponentModel.DataAnnotations;
using Examens.Web.Comptes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Pages.Acces;

public sealed class ConnexionModel(
    SignInManager<Examens.Core.Comptes.Compte> connexion, UserManager<Examens.Core.Comptes.Compte> comptes, LiensCompte liens) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
    [StringLength(200, ErrorMessage = "L'adresse électronique est trop longue.")]
    public string Courriel { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Indiquez votre mot de passe.")]
    [StringLength(200, ErrorMessage = "Le mot de passe est trop long.")]
    public string MotDePasse { get; set; } = "";

    public string Retour { get; private set; } = "/candidat";

    public bool NonConfirme { get; private set; }

    public bool LienRenvoye { get; private set; }

    public void OnGet(string? retour) => Retour = RetourLocal(retour);

    public async Task<IActionResult> OnPostAsync(string? retour)
    {
        Retour = RetourLocal(retour);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var resultat = await connexion.PasswordSignInAsync(Courriel.Trim(), MotDePasse, isPersistent: false, lockoutOnFailure: true);
        if (resultat.Succeeded)
        {
            return LocalRedirect(Retour);
        }

        if (resultat.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Courriel), "Trop de tentatives infructueuses : le compte est bloqué pendant 15 minutes. Vous pouvez aussi choisir un nouveau mot de passe.");
        }
        else if (resultat.IsNotAllowed)
        {
            NonConfirme = true;
            ModelState.AddModelError(nameof(Courriel), "Confirmez d'abord votre adresse électronique avec le lien reçu par courriel.");
        }
        else
        {
            ModelState.AddModelError(nameof(MotDePasse), "Adresse électronique ou mot de passe incorrect.");
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRenvoyerAsync(CancellationToken annulation)
    {
        ModelState.Clear();
        var compte = await comptes.FindByEmailAsync(Courriel.Trim());
        if (compte is { EmailConfirmed: false })
        {
            await liens.EnvoyerConfirmationAsync(compte, $"{Request.Scheme}://{Request.Host}", annulation);
        }

        LienRenvoye = true;
        return Page();
    }

    private string RetourLocal(string? retour) => retour is not null && Url.IsLocalUrl(retour) ? retour : "/candidat";
}
