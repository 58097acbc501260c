using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Gestion.Personnel;

/// <summary>An administrator adds an officer or an administrator; the new member receives the invitation mail.</summary>
public sealed class NouveauModel(ExamensDbContext db, InviterPersonnel inviter) : PageGestion
{
    // Nullable: a non-nullable string would get the framework's implicit [Required] and its English message.
    [BindProperty]
    public string? Courriel { get; set; }

    [BindProperty]
    public string? Nom { get; set; }

    [BindProperty]
    public string? Prenoms { get; set; }

    [BindProperty]
    public string? Role { get; set; } = RolesPersonnel.Gestionnaire;

    [BindProperty]
    public List<string> Academies { get; set; } = [];

    public IReadOnlyList<(string Code, string Nom)> AcademiesConnues { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken annulation) =>
        AcademiesConnues = await Core.Comptes.Personnel.AcademiesConnuesAsync(db, annulation);

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        var resultat = await inviter.ExecuterAsync(new InviterPersonnel.Saisie(Courriel ?? "", Nom ?? "", Prenoms ?? "", Role ?? "", Academies),
            CompteId, Adresse, $"{Request.Scheme}://{Request.Host}", annulation);
        if (!resultat.Reussi)
        {
            foreach (var e in resultat.Erreurs)
            {
                ModelState.AddModelError(e.Chemin ?? "", e.Message);
            }

            AcademiesConnues = await Core.Comptes.Personnel.AcademiesConnuesAsync(db, annulation);
            return Page();
        }

        var invite = resultat.Valeur!;
        TempData["Message"] = invite.CourrielEnvoye
            ? $"Compte créé pour {invite.Compte.Email} : l'invitation à choisir un mot de passe lui a été envoyée."
            : $"Compte créé pour {invite.Compte.Email}, mais le courriel d'invitation n'a pas pu partir : renvoyez-le depuis sa fiche.";
        return Redirect($"/gestion/personnel/{invite.Compte.Id}");
    }
}
