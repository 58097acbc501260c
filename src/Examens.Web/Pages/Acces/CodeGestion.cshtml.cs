using System.ComponentModel.DataAnnotations;
using Examens.Core.Comptes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Pages.Acces;

/// <summary>Staff sign-in, second step: the authenticator's code (TOTP). Only reachable after the password step.</summary>
public sealed class CodeGestionModel(SignInManager<Compte> connexion) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Indiquez le code à 6 chiffres.")]
    [StringLength(10, ErrorMessage = "Le code a 6 chiffres.")]
    public string Code { get; set; } = "";

    public string Retour { get; private set; } = "/gestion/dossiers";

    public async Task<IActionResult> OnGetAsync(string? retour)
    {
        Retour = RetourLocal(retour);
        return await connexion.GetTwoFactorAuthenticationUserAsync() is null ? Redirect("/gestion/connexion") : Page();
    }

    public async Task<IActionResult> OnPostAsync(string? retour)
    {
        Retour = RetourLocal(retour);
        if (await connexion.GetTwoFactorAuthenticationUserAsync() is null)
        {
            return Redirect("/gestion/connexion");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var code = Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        var resultat = await connexion.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (resultat.Succeeded)
        {
            return LocalRedirect(Retour);
        }

        ModelState.AddModelError(nameof(Code), resultat.IsLockedOut
            ? "Trop de tentatives infructueuses : le compte est bloqué pendant 15 minutes."
            : "Code incorrect ou expiré : saisissez le code affiché en ce moment par votre application.");
        return Page();
    }

    private string RetourLocal(string? retour) =>
        retour is not null && Url.IsLocalUrl(retour) && retour.StartsWith("/gestion/", StringComparison.OrdinalIgnoreCase) ? retour : "/gestion/dossiers";
}
