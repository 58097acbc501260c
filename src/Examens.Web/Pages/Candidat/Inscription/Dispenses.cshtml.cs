using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Catalogue;
using Examens.Web.Comptes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Candidat.Inscription;

public sealed class DispensesModel(ExamensDbContext db, UserManager<Compte> comptes, VerifierBrouillon verificateur, TimeProvider horloge)
    : PageInscription(db, comptes, verificateur, horloge)
{
    public sealed class Ligne
    {
        public string? Unite { get; set; }

        public int Niveau { get; set; } = 5;

        public string? Diplome { get; set; }
    }

    [BindProperty]
    public List<Ligne> Lignes { get; set; } = [];

    public IReadOnlyList<Unite> Unites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        Lignes = [.. Dossier.Donnees.Dispenses.Select(x => new Ligne { Unite = x.Unite, Niveau = x.NiveauDiplome, Diplome = x.Diplome })];
        Preparer();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? aller, CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        Preparer();
        var dispenses = Lire(Lignes, Unites, ModelState);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await EnregistrerAsync(d => d with { Dispenses = dispenses }, aller, "dispenses", annulation);
    }

    /// <summary>Reads the typed lines into exemption requests, a French error per field in <paramref name="etat"/>; shared with the officer's edit (P22).</summary>
    public static List<DispenseDemandee> Lire(IList<Ligne> lignes, IReadOnlyList<Unite> unites, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary etat)
    {
        ArgumentNullException.ThrowIfNull(lignes);
        ArgumentNullException.ThrowIfNull(unites);
        ArgumentNullException.ThrowIfNull(etat);
        var dispenses = new List<DispenseDemandee>();
        for (var i = 0; i < Math.Min(lignes.Count, 20); i++)
        {
            var l = lignes[i];
            if (string.IsNullOrWhiteSpace(l.Unite) && string.IsNullOrWhiteSpace(l.Diplome))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(l.Unite) || unites.All(u => u.Id != l.Unite))
            {
                etat.AddModelError($"Lignes[{i}].Unite", $"Dispense {i + 1} : choisissez l'unité dans la liste.");
            }

            if (l.Niveau is < 1 or > 8)
            {
                etat.AddModelError($"Lignes[{i}].Niveau", $"Dispense {i + 1} : choisissez le niveau du diplôme.");
            }

            var diplome = (l.Diplome ?? "").Trim();
            if (diplome.Length is 0 or > 200)
            {
                etat.AddModelError($"Lignes[{i}].Diplome", $"Dispense {i + 1} : indiquez l'intitulé du diplôme (200 caractères au plus, sans caractères spéciaux).");
            }
            else if (TexteLibreAttribute.PremierRefuse(diplome) is { } refuse)
            {
                etat.AddModelError($"Lignes[{i}].Diplome", $"Dispense {i + 1} : l'intitulé du diplôme contient un caractère non accepté : {refuse}.");
            }

            dispenses.Add(new DispenseDemandee { Unite = l.Unite ?? "", NiveauDiplome = l.Niveau, Diplome = diplome });
        }

        return dispenses;
    }

    private void Preparer()
    {
        var d = Dossier.Donnees;
        var specialite = string.IsNullOrEmpty(d.Specialite) ? null : Verificateur.Catalogue.Trouver(d.Specialite, Dossier.Inscription.AcademieSession.Session.Annee).Specialite;
        Unites = specialite?.UnitesObligatoires(d.Option).ToList() ?? [];
        if (Lignes.Count == 0 || Lignes.All(l => !string.IsNullOrWhiteSpace(l.Unite)))
        {
            Lignes.Add(new Ligne());
        }
    }
}
