using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Pages.Erreur;

/// <summary>The pages shown for an HTTP status without content (404, 403, 405…), in French.</summary>
public sealed class StatutModel : PageModel
{
    public string Titre { get; private set; } = "Erreur";

    public string Explication { get; private set; } = "";

    public void OnGet(int code)
    {
        (Titre, Explication) = code switch
        {
            404 => ("Page introuvable", "L'adresse demandée n'existe pas ou n'est plus disponible."),
            403 => ("Accès refusé", "Cette page n'est pas accessible avec votre compte."),
            _ => ("Erreur", "La demande n'a pas pu être traitée."),
        };
    }
}
