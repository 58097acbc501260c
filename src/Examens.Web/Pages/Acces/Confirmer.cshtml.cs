using Examens.Web.Comptes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Pages.Acces;

public sealed class ConfirmerModel(UserManager<Examens.Core.Comptes.Compte> comptes) : PageModel
{
    public bool Confirme { get; private set; }

    public async Task OnGetAsync(string? id, string? code)
    {
        var jeton = LiensCompte.Decoder(code);
        var compte = id is null ? null : await comptes.FindByIdAsync(id);
        if (compte is null || jeton is null)
        {
            return;
        }

        Confirme = compte.EmailConfirmed || (await comptes.ConfirmEmailAsync(compte, jeton)).Succeeded;
    }
}
