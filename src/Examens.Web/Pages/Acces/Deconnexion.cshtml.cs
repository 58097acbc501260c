using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Pages.Acces;

public sealed class DeconnexionModel(SignInManager<Examens.Core.Comptes.Compte> connexion) : PageModel
{
    public async Task<IActionResult> OnPostAsync()
    {
        await connexion.SignOutAsync();
        return LocalRedirect("/");
    }
}
