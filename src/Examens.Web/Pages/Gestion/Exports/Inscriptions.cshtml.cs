using Examens.Core.Exports;
using Examens.Domain.Regles;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Gestion.Exports;

/// <summary>The CSV of the submitted registrations of the officer's scope (all for an administrator), filtered.</summary>
public sealed class InscriptionsModel(ExporterInscriptions exporter) : PageGestion
{
    public async Task<IActionResult> OnGetAsync(string? specialite, string? option, FormePassage? forme, string? langue, CancellationToken annulation)
    {
        var contenu = await exporter.ExecuterAsync(CompteId, Administrateur, new ExporterInscriptions.Filtre(specialite, option, forme, langue), annulation);
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(contenu, "text/csv; charset=utf-8", "inscriptions.csv");
    }
}
