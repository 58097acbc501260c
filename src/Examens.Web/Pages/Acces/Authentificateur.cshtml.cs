using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Examens.Core.Comptes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Pages.Acces;

/// <summary>
/// A member of staff signed in with the password but without an authenticator (invited, or second factor reset)
/// enrols one: the key and its otpauth:// address, a code to prove the app holds it, then 10 recovery codes shown once.
/// The member is then signed in with the second factor (amr = mfa), as after the code page.
/// </summary>
[Authorize(Roles = $"{RolesPersonnel.Administrateur},{RolesPersonnel.Gestionnaire}")]
public sealed class AuthentificateurModel(UserManager<Compte> comptes, SignInManager<Compte> connexion, EnrolerAuthentificateur enroler) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Indiquez le code à 6 chiffres affiché par l'application.")]
    [StringLength(10, ErrorMessage = "Le code a 6 chiffres.")]
    public string Code { get; set; } = "";

    public string Cle { get; private set; } = "";

    public string Uri { get; private set; } = "";

    public IReadOnlyList<string> CodesSecours { get; private set; } = [];

    public string Retour { get; private set; } = "/gestion/dossiers";

    public async Task<IActionResult> OnGetAsync(string? retour)
    {
        Retour = RetourLocal(retour);
        var compte = await comptes.GetUserAsync(User);
        if (compte is null || compte.TwoFactorEnabled)
        {
            // Already enrolled: the back-office asks the code at sign-in; changing the app goes through an administrator.
            return await DejaEnroleAsync();
        }

        await ChargerCleAsync(compte);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? retour, CancellationToken annulation)
    {
        Retour = RetourLocal(retour);
        var compte = await comptes.GetUserAsync(User);
        if (compte is null || compte.TwoFactorEnabled)
        {
            return await DejaEnroleAsync();
        }

        if (!ModelState.IsValid)
        {
            await ChargerCleAsync(compte);
            return Page();
        }

        var resultat = await enroler.ExecuterAsync(compte, Code, HttpContext.Connection.RemoteIpAddress?.ToString(), annulation);
        if (!resultat.Reussi)
        {
            foreach (var e in resultat.Erreurs)
            {
                ModelState.AddModelError(nameof(Code), e.Message);
            }

            await ChargerCleAsync(compte);
            return Page();
        }

        // Password and a valid code from the new app: this is a two-factor sign-in.
        await connexion.SignInWithClaimsAsync((await comptes.FindByIdAsync(compte.Id))!, isPersistent: false, [new Claim("amr", "mfa")]);
        CodesSecours = resultat.Valeur!;
        return Page();
    }

    /// <summary>A session without the second factor on an enrolled account goes back to the sign-in (never a loop).</summary>
    private async Task<IActionResult> DejaEnroleAsync()
    {
        if (User.HasClaim("amr", "mfa"))
        {
            return Redirect(Retour);
        }

        await connexion.SignOutAsync();
        return Redirect("/gestion/connexion");
    }

    private async Task ChargerCleAsync(Compte compte)
    {
        var cle = await enroler.CleAsync(compte);
        Cle = EnrolerAuthentificateur.Grouper(cle.Secret);
        Uri = cle.Uri;
    }

    private string RetourLocal(string? retour) =>
        retour is not null && Url.IsLocalUrl(retour) && retour.StartsWith("/gestion/", StringComparison.OrdinalIgnoreCase) ? retour : "/gestion/dossiers";
}
