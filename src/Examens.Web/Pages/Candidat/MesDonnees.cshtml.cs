using Examens.Core.DonneesPersonnelles;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Examens.Web.Pages.Candidat;

/// <summary>The candidate downloads everything held about them (GDPR art. 15 and 20): a ZIP of a JSON file and their documents.</summary>
public sealed class MesDonneesModel(ExporterDonneesCandidat exporter) : PageModel
{
    public void OnGet()
    {
    }

    /// <summary>Built in a temporary file (deleted once sent), never whole in memory; a POST so it carries the antiforgery token.</summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        var candidatId = User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
        if (candidatId is null)
        {
            return NotFound();
        }

        var temporaire = new FileStream(Path.Combine(Path.GetTempPath(), $"examens-export-{Guid.NewGuid():N}.zip"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 81920,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            var adresse = HttpContext.Connection.RemoteIpAddress?.ToString();
            if (!await exporter.ExecuterAsync(candidatId, adresse, temporaire, annulation))
            {
                await temporaire.DisposeAsync();
                return NotFound();
            }

            temporaire.Position = 0;
            return File(temporaire, "application/zip", "mes-donnees-examens.zip");
        }
        catch
        {
            await temporaire.DisposeAsync();
            throw;
        }
    }
}
