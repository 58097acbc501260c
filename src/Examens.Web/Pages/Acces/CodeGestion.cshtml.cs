using System.ComponentModel.DataAnnotations;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Pages.Acces;

/// <summary>
/// Staff sign-in, second step: the authenticator's code (TOTP), or one of the recovery codes given at enrolment (its
/// use is written in the trail). Only reachable after the password step.
/// </summary>
public sealed class CodeGestionModel(SignInManager<Compte> connexion, UserManager<Compte> comptes, ExamensDbContext db, TimeProvider horloge) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Indiquez le code à 6 chiffres.")]
    [StringLength(20, ErrorMessage = "Le code a 6 chiffres (un code de secours, 10 caractères).")]
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
        // A 6-digit code comes from the app; anything else is read as a recovery code (10 characters, each usable once).
        var secours = !(code.Length == 6 && code.All(char.IsAsciiDigit));
        var compte = secours ? await connexion.GetTwoFactorAuthenticationUserAsync() : null;
        var resultat = secours
            ? await connexion.TwoFactorRecoveryCodeSignInAsync(CodeSecours(code))
            : await connexion.TwoFactorAuthenticatorSignInAsync(code, isPersistent: false, rememberClient: false);
        if (resultat.Succeeded)
        {
            if (compte is not null)
            {
                var restants = await comptes.CountRecoveryCodesAsync(compte);
                db.Journal.Add(Personnel.Entree(horloge.GetUtcNow().UtcDateTime, compte.Id, "compte.code-secours.utilise", compte.Id,
                    null, $"{restants} codes de secours restants", HttpContext.Connection.RemoteIpAddress?.ToString()));
                await db.SaveChangesAsync(HttpContext.RequestAborted);
                TempData["MessageConnexion"] = $"Connexion avec un code de secours : il vous en reste {restants}. "
                    + "Si vous avez perdu votre téléphone, demandez à un administrateur de réinitialiser votre second facteur.";
            }

            return LocalRedirect(Retour);
        }

        ModelState.AddModelError(nameof(Code), resultat.IsLockedOut
            ? "Trop de tentatives infructueuses : le compte est bloqué pendant 15 minutes."
            : secours
                ? "Code de secours incorrect ou déjà utilisé : chaque code de secours ne sert qu'une fois."
                : "Code incorrect ou expiré : saisissez le code affiché en ce moment par votre application.");
        return Page();
    }

    /// <summary>Identity's recovery codes read "XXXXX-XXXXX" in capitals; the dash and case may be typed differently.</summary>
    private static string CodeSecours(string saisi)
    {
        var code = saisi.ToUpperInvariant();
        return code.Length == 10 ? $"{code[..5]}-{code[5..]}" : code;
    }

    private string RetourLocal(string? retour) =>
        retour is not null && Url.IsLocalUrl(retour) && retour.StartsWith("/gestion/", StringComparison.OrdinalIgnoreCase) ? retour : "/gestion/dossiers";
}
