using Examens.Core.Comptes;
using Examens.Core.Documents;
using Examens.Core.Documents.Chiffrement;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Gestion;

/// <summary>
/// The pending identity correction requests of candidates registered in the officer's academies (all for an
/// administrator): current and requested identity, explanation, proof (download only, each access in the trail), and
/// the decision. Outside the scope a request is 404.
/// </summary>
public sealed class CorrectionsModel(ExamensDbContext db, IStockageDocuments stockage, TimeProvider horloge, TraiterDemandeCorrection traiter) : PageGestion
{
    public sealed record Ligne(DemandeCorrectionIdentite Demande, Compte Candidat);

    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken annulation) => await ChargerAsync(annulation);

    /// <summary>The proof, as a download only (never shown inline), and the access written in the trail.</summary>
    public async Task<IActionResult> OnGetJustificatifAsync(Guid demandeId, CancellationToken annulation)
    {
        var demande = await TraiterDemandeCorrection.DuPerimetre(db, CompteId, Administrateur).FirstOrDefaultAsync(d => d.Id == demandeId, annulation);
        Stream? flux;
        try
        {
            flux = demande is null ? null : await stockage.OuvrirAsync(demande.EmpreinteJustificatif, annulation);
        }
        catch (DocumentIllisibleException e)
        {
            ModelState.AddModelError(string.Empty, $"Justificatif : {e.Message}");
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            await ChargerAsync(annulation);
            return Page();
        }

        if (demande is null || flux is null)
        {
            return NotFound();
        }

        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = horloge.GetUtcNow().UtcDateTime,
            Acteur = CompteId,
            Action = "identite.justificatif.consulte",
            Cible = $"compte:{demande.CandidatId}",
            Apres = $"demande:{demande.Id}",
            Adresse = Adresse,
        });
        await db.SaveChangesAsync(annulation);
        Response.Headers.XContentTypeOptions = "nosniff";
        var (type, extension) = demande.TypeJustificatif switch
        {
            TypeFichier.Pdf => ("application/pdf", "pdf"),
            TypeFichier.Jpeg => ("image/jpeg", "jpg"),
            TypeFichier.Png => ("image/png", "png"),
        };
        return File(flux, type, $"justificatif.{extension}");
    }

    public async Task<IActionResult> OnPostTraiterAsync(Guid demandeId, string? decision, string? motif, CancellationToken annulation)
    {
        if (decision is not ("approuver" or "refuser"))
        {
            // Only the two buttons' values: anything else (a crafted post) must not count as a refusal.
            ModelState.AddModelError(string.Empty, "Décision inconnue : choisissez « Approuver » ou « Refuser ».");
            await ChargerAsync(annulation);
            return Page();
        }

        var approuver = string.Equals(decision, "approuver", StringComparison.Ordinal);
        var resultat = await traiter.ExecuterAsync(CompteId, Administrateur, demandeId, approuver, motif, Adresse, annulation);
        if (resultat.Erreurs is [{ Code: "NOT_FOUND" }])
        {
            return NotFound();
        }

        if (!resultat.Reussi)
        {
            foreach (var e in resultat.Erreurs)
            {
                // A missing or invalid reason is tied to this request's reason field (the summary links to it).
                ModelState.AddModelError(e.Chemin == "motif" ? $"motif-{demandeId}" : string.Empty, e.Message);
            }

            await ChargerAsync(annulation);
            return Page();
        }

        TempData["Message"] = $"Demande {(approuver ? "approuvée : l'identité du candidat est corrigée" : "refusée")}. "
            + (resultat.Valeur!.CourrielEnvoye ? "Le candidat est prévenu par courriel." : "Le courriel au candidat n'a pas pu partir.");
        return RedirectToPage();
    }

    private async Task ChargerAsync(CancellationToken annulation)
    {
        var demandes = await TraiterDemandeCorrection.DuPerimetre(db, CompteId, Administrateur).OrderBy(d => d.DemandeeLeUtc).ToListAsync(annulation);
        var ids = demandes.Select(d => d.CandidatId).Distinct().ToList();
        var comptes = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, annulation);
        Lignes = [.. demandes.Where(d => comptes.ContainsKey(d.CandidatId)).Select(d => new Ligne(d, comptes[d.CandidatId]))];
    }
}
