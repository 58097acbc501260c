using Examens.Core.Exports;
using Examens.Core.Persistance;
using Examens.Web.Gestion;

namespace Examens.Web.Pages.Gestion;

/// <summary>The counts of the officer's academies (all for an administrator), or of the one chosen, and the submissions chart.</summary>
public sealed class TableauDeBordModel(ExamensDbContext db, CalculerTableauDeBord calculer) : PageGestion
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "academie")]
    public int? Academie { get; set; }

    public IReadOnlyList<AcademiesPerimetre.Choix> Academies { get; private set; } = [];

    public TableauDeBord Tableau { get; private set; } = null!;

    public string Portee { get; private set; } = "";

    public async Task OnGetAsync(CancellationToken annulation)
    {
        ModelState.Clear();
        Academies = await AcademiesPerimetre.ChargerAsync(db, CompteId, Administrateur, annulation);
        // An academy outside the scope is not an error to reveal: the page shows the whole scope instead.
        var choisie = Academies.FirstOrDefault(a => a.Id == Academie);
        Academie = choisie?.Id;
        Portee = choisie?.Libelle ?? (Administrateur ? "toutes les académies" : "les académies de votre périmètre");
        Tableau = await calculer.ExecuterAsync(CompteId, Administrateur, Academie, annulation);
    }
}
