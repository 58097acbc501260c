using System.ComponentModel.DataAnnotations;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Web.Comptes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Pages.Acces;

/// <summary>
/// A new member of staff opens the link of the invitation mail and chooses their password (12 characters at least, not
/// a common one). The link is an Identity password-reset token: once used, the security stamp changes and it is void.
/// </summary>
public sealed class InvitationModel(UserManager<Compte> comptes, ExamensDbContext db, TimeProvider horloge) : PageModel
{
    public const string LienPerime = "Ce lien d'invitation n'est plus valable (déjà utilisé ou expiré) : demandez à un administrateur de vous le renvoyer.";

    // Nullable: a link cut by a mail client (no id, no code) would otherwise get the framework's implicit [Required]
    // and its English "The Id field is required."; it gets the French "link no longer valid" instead.
    [BindProperty(SupportsGet = true)]
    public string? Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    [Required(ErrorMessage = "Choisissez votre mot de passe.")]
    [StringLength(200, ErrorMessage = "Le mot de passe est trop long.")]
    public string MotDePasse { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Saisissez le mot de passe une seconde fois.")]
    [Compare(nameof(MotDePasse), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    public string Confirmation { get; set; } = "";

    public bool Fait { get; private set; }

    public string? Courriel { get; private set; }

    public async Task OnGetAsync()
    {
        var compte = await comptes.FindByIdAsync(Id ?? "");
        Courriel = compte?.Email;
        if (compte is null || await comptes.HasPasswordAsync(compte))
        {
            ModelState.AddModelError(nameof(MotDePasse), LienPerime);
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        var compte = await comptes.FindByIdAsync(Id ?? "");
        Courriel = compte?.Email;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var jeton = LiensCompte.Decoder(Code ?? "");
        // An invitation is for an account without a password: once chosen, the link is spent whatever token it carries.
        if (compte is null || jeton is null || await comptes.HasPasswordAsync(compte))
        {
            ModelState.AddModelError(nameof(MotDePasse), LienPerime);
            return Page();
        }

        var resultat = await comptes.ResetPasswordAsync(compte, jeton, MotDePasse);
        if (!resultat.Succeeded)
        {
            foreach (var e in resultat.Errors)
            {
                ModelState.AddModelError(nameof(MotDePasse), e.Code == "InvalidToken" ? LienPerime : e.Description);
            }

            return Page();
        }

        // Using the link sent to the address proves the address.
        compte.EmailConfirmed = true;
        await comptes.UpdateAsync(compte);
        db.Journal.Add(Personnel.Entree(horloge.GetUtcNow().UtcDateTime, compte.Id, "compte.invitation.acceptee", compte.Id,
            "mot de passe à choisir", "mot de passe choisi", HttpContext.Connection.RemoteIpAddress?.ToString()));
        await db.SaveChangesAsync(annulation);
        Fait = true;
        return Page();
    }
}
