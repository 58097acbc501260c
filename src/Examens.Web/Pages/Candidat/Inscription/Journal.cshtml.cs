using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Candidat.Inscription;

/// <summary>
/// The trail of the candidate's own file, in plain French. The actor is "vous" or "le service des examens": never an
/// officer's identity, never an address (those stay in the officers' export).
/// </summary>
public sealed class JournalModel(ExamensDbContext db, UserManager<Compte> comptes, VerifierBrouillon verificateur, TimeProvider horloge)
    : PageInscription(db, comptes, verificateur, horloge)
{
    public sealed record Ligne(string Quand, string Qui, string Action, string? Avant, string? Apres, string? Motif);

    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        var entrees = await JournalDossier.LireAsync(Db, Dossier.Inscription, annulation);
        Lignes = [.. entrees.Select(e => new Ligne(LocalTime(e.InstantUtc), e.ActeurId == CandidatId ? "vous" : "le service des examens", e.Libelle, e.Avant, e.Apres, e.Motif))];
        return Page();
    }
}
