using Examens.Core.Exports;
using Examens.Core.Persistance;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Gestion.Exports;

/// <summary>
/// The lists for the people who organise the exams: the officer picks an academy of a session (within their scope) and
/// a grouping, and downloads the submitted registrations as CSV or PDF. An academy outside the scope answers 404.
/// </summary>
public sealed class IndexModel(ExamensDbContext db, ChargerListe charger) : PageGestion
{
    [BindProperty(SupportsGet = true, Name = "academie")]
    public int? Academie { get; set; }

    [BindProperty(SupportsGet = true, Name = "liste")]
    public TypeListe? Liste { get; set; }

    public IReadOnlyList<AcademiesPerimetre.Choix> Academies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken annulation)
    {
        // A value that does not bind (liste=xyz) is simply not chosen: the framework's English message never shows.
        ModelState.Clear();
        Academies = await AcademiesPerimetre.ChargerAsync(db, CompteId, Administrateur, annulation);
    }

    public Task<IActionResult> OnGetCsvAsync(CancellationToken annulation) =>
        FichierAsync(l => File(ListeCsv.Ecrire(l), "text/csv; charset=utf-8", l.NomFichier("csv")), annulation);

    public Task<IActionResult> OnGetPdfAsync(CancellationToken annulation) =>
        FichierAsync(l => File(ListePdf.Generer(l), "application/pdf", l.NomFichier("pdf")), annulation);

    public string Lien(int academie, TypeListe liste, string format) => $"/gestion/exports?academie={academie}&liste={liste}&handler={format}";

    private async Task<IActionResult> FichierAsync(Func<ListeInscriptions, IActionResult> fichier, CancellationToken annulation)
    {
        if (Academie is null || Liste is null)
        {
            await OnGetAsync(annulation);
            if (Academie is null)
            {
                ModelState.AddModelError("academie", "Choisissez l'académie et la session de la liste.");
            }

            if (Liste is null)
            {
                ModelState.AddModelError("liste", "Choisissez comment regrouper les inscriptions (spécialité, option, forme ou langue).");
            }

            return Page();
        }

        var liste = await charger.ExecuterAsync(CompteId, Administrateur, Academie.Value, Liste.Value, annulation);
        if (liste is null)
        {
            return NotFound();
        }

        Response.Headers.XContentTypeOptions = "nosniff";
        return fichier(liste);
    }
}
