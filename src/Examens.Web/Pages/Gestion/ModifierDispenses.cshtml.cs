using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Web.Gestion;
using Examens.Web.Pages.Candidat.Inscription;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Gestion;

/// <summary>
/// An officer changes the exemptions after the close, with a reason (P22): the candidate's "Dispenses" lines and
/// checks (DispensesModel.Lire), then the rules engine and a new version authored by the officer.
/// </summary>
public sealed class ModifierDispensesModel(ExamensDbContext db, VerifierBrouillon verificateur, TimeProvider horloge, ModifierInscriptionGestionnaire modifier)
    : PageModificationDossier(db, verificateur, horloge, modifier)
{
    [BindProperty]
    public List<DispensesModel.Ligne> Lignes { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        Lignes = [.. Donnees.Dispenses.Select(x => new DispensesModel.Ligne { Unite = x.Unite, Niveau = x.NiveauDiplome, Diplome = x.Diplome })];
        AjouterLigneVide();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        var dispenses = DispensesModel.Lire(Lignes, Unites, ModelState);
        var resultat = await EnregistrerAsync(d => d with { Dispenses = dispenses }, annulation);
        AjouterLigneVide();
        return resultat;
    }

    private void AjouterLigneVide()
    {
        if (Lignes.Count < 20 && Lignes.All(l => !string.IsNullOrWhiteSpace(l.Unite)))
        {
            Lignes.Add(new DispensesModel.Ligne());
        }
    }
}
