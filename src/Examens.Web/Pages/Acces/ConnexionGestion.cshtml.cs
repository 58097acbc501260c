using System.ComponentModel.DataAnnotations;
using Examens.Core.Comptes;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Pages.Acces;

/// <summary>
/// Staff sign-in, first step: the password. A staff account with two-factor on goes on to the code, one without an
/// authenticator yet to its enrolment; any other account (a candidate, a disabled account) is signed out again with the
/// same answer as a wrong password, so the page reveals nothing.
/// </summary>
public sealed class ConnexionGestionModel(SignInManager<Compte> connexion, UserManager<Compte> comptes) : PageModel
{
    public const string Refus = "Adresse électronique ou mot de passe incorrect, ou compte sans accès à la gestion.";

    [BindProperty]
    [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
    [StringLength(200, ErrorMessage = "L'adresse électronique est trop longue.")]
    public string Courriel { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Indiquez votre mot de passe.")]
    [StringLength(200, ErrorMessage = "Le mot de passe est trop long.")]
    public string MotDePasse { get; set; } = "";

    public string Retour { get; private set; } = "/gestion/dossiers";

    public void OnGet(string? retour) => Retour = RetourLocal(retour);

    public async Task<IActionResult> OnPostAsync(string? retour)
    {
        Retour = RetourLocal(retour);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var resultat = await connexion.PasswordSignInAsync(Courriel.Trim(), MotDePasse, isPersistent: false, lockoutOnFailure: true);
        if (resultat.RequiresTwoFactor)
        {
            var compte = await connexion.GetTwoFactorAuthenticationUserAsync();
            if (compte is not null && await EstPersonnelAsync(compte))
            {
                return Redirect($"/gestion/connexion/code?retour={Uri.EscapeDataString(Retour)}");
            }

            await HttpContext.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        }
        else if (resultat.Succeeded)
        {
            // A password alone never opens the back-office. A member of staff without an authenticator yet (invited,
            // or second factor reset) goes on to enrol one; any other account is signed out here.
            var compte = await comptes.FindByEmailAsync(Courriel.Trim()) ?? await comptes.FindByNameAsync(Courriel.Trim());
            if (compte is not null && await EstPersonnelAsync(compte))
            {
                return Redirect($"/gestion/connexion/authentificateur?retour={Uri.EscapeDataString(Retour)}");
            }

            await connexion.SignOutAsync();
        }
        else if (resultat.IsLockedOut)
        {
            ModelState.AddModelError(nameof(Courriel), "Trop de tentatives infructueuses : le compte est bloqué pendant 15 minutes.");
            return Page();
        }

        ModelState.AddModelError(nameof(MotDePasse), Refus);
        return Page();
    }

    private async Task<bool> EstPersonnelAsync(Compte compte)
    {
        foreach (var role in RolesPersonnel.Tous)
        {
            if (await comptes.IsInRoleAsync(compte, role))
            {
                return true;
            }
        }

        return false;
    }

    private string RetourLocal(string? retour) =>
        retour is not null && Url.IsLocalUrl(retour) && retour.StartsWith("/gestion/", StringComparison.OrdinalIgnoreCase) ? retour : "/gestion/dossiers";
}
