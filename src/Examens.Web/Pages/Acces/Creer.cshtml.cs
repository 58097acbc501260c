using System.ComponentModel.DataAnnotations;
using Examens.Core.Comptes;
using Examens.Web.Comptes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Pages.Acces;

public sealed class CreerModel(UserManager<Examens.Core.Comptes.Compte> comptes, LiensCompte liens, TimeProvider horloge) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Indiquez votre adresse électronique.")]
    [EmailAddress(ErrorMessage = "L'adresse électronique n'est pas valide (exemple : prenom.nom@exemple.fr).")]
    [StringLength(200, ErrorMessage = "L'adresse électronique est trop longue.")]
    [Display(Name = "Adresse électronique")]
    public string Courriel { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Choisissez un mot de passe.")]
    [StringLength(200, ErrorMessage = "Le mot de passe est trop long (200 caractères au plus).")]
    [Display(Name = "Mot de passe")]
    public string MotDePasse { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Saisissez le mot de passe une seconde fois.")]
    [Compare(nameof(MotDePasse), ErrorMessage = "Les deux mots de passe ne sont pas identiques.")]
    [Display(Name = "Mot de passe, une seconde fois")]
    public string Confirmation { get; set; } = "";

    public bool Envoye { get; private set; }

    public bool CourrielNonParti { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var compte = new Examens.Core.Comptes.Compte { UserName = Courriel.Trim(), Email = Courriel.Trim(), CreeLeUtc = horloge.GetUtcNow().UtcDateTime };
        var resultat = await comptes.CreateAsync(compte, MotDePasse);
        var origine = $"{Request.Scheme}://{Request.Host}";
        if (!resultat.Succeeded && resultat.Errors.All(e => e.Code is "DuplicateEmail" or "DuplicateUserName"))
        {
            // Same answer as for a new account: the owner of the address is told by mail instead.
            if (await comptes.FindByEmailAsync(Courriel.Trim()) is { } existant)
            {
                CourrielNonParti = !await liens.EnvoyerCompteExistantAsync(existant, origine, annulation);
            }

            Envoye = true;
            return Page();
        }

        if (!resultat.Succeeded)
        {
            // Never say here that the address has an account (only its owner is told, by mail).
            foreach (var e in resultat.Errors.Where(e => e.Code is not ("DuplicateEmail" or "DuplicateUserName")))
            {
                ModelState.AddModelError(e.Code.StartsWith("Password", StringComparison.Ordinal) || e.Code == "CommonPassword" ? nameof(MotDePasse) : nameof(Courriel), e.Description);
            }

            return Page();
        }

        CourrielNonParti = !await liens.EnvoyerConfirmationAsync(compte, origine, annulation);
        Envoye = true;
        return Page();
    }
}
