using Examens.Core.Documents;
using Examens.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Examens.Web.Pages.Erreur;

/// <summary>The pages shown for an HTTP status without content (404, 403, 405…), in French.</summary>
[IgnoreAntiforgeryToken] // re-executed for a refused POST: it must show, not fail again
public sealed class StatutModel(IOptions<OptionsPieces> pieces) : PageModel
{
    public string Titre { get; private set; } = "Erreur";

    public string Explication { get; private set; } = "";

    /// <summary>The upload limit as a person reads it (10 Mo).</summary>
    private string TailleMaximale => $"{(pieces.Value.TailleMaximale / (1024d * 1024d)).ToString("0.#", Francais.Culture)} Mo";

    public void OnPost(int code) => OnGet(code);

    public void OnGet(int code)
    {
        (Titre, Explication) = code switch
        {
            404 => ("Page introuvable", "L'adresse demandée n'existe pas ou n'est plus disponible."),
            403 => ("Accès refusé", "Cette page n'est pas accessible avec votre compte."),
            400 => ("Demande refusée", "Le formulaire a expiré ou n'a pas pu être vérifié. Revenez en arrière, rechargez la page et recommencez : rien n'a été enregistré."),
            405 => ("Action impossible sur cette page", "Cette page s'affiche seulement : elle ne reçoit pas de formulaire. Rien n'a été enregistré. Revenez en arrière et utilisez les boutons de la page."),
            413 => ("Fichier trop volumineux", $"Le fichier envoyé dépasse la taille autorisée : {TailleMaximale} au plus par fichier. Rien n'a été enregistré. Revenez en arrière et déposez un fichier plus léger (un PDF numérisé en noir et blanc, ou une photo de plus faible définition)."),
            429 => ("Trop de demandes", HttpContext.Items[Infrastructure.Limites.LimitesExtensions.CleAttente] as string
                ?? "Trop de demandes en peu de temps depuis votre connexion. Rien n'a été enregistré. Réessayez dans quelques minutes."),
            _ => ("Erreur", "La demande n'a pas pu être traitée."),
        };
    }
}
