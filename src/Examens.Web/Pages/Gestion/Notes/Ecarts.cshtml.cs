using Examens.Core.Inscriptions;
using Examens.Core.Notes;
using Examens.Core.Persistance;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Gestion.Notes;

/// <summary>
/// The grades whose saisie 1 and saisie 2 differ, for the officer to settle: a third keying, chosen after checking
/// the paper, with a reason written in the trail.
/// </summary>
public sealed class EcartsModel(ExamensDbContext db, TrancherEcart trancher) : PageSession(db)
{
    public sealed record Ecart(Guid InscriptionId, string Numero, string Nom, string Unite, SaisieNote Saisie1, SaisieNote Saisie2);

    public IReadOnlyList<Ecart> Ecarts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation) =>
        await ChargerAsync(annulation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTrancherAsync(Guid inscriptionId, string? unite, string? note, string? absence, string? motif, CancellationToken annulation)
    {
        if (!await ChargerSessionAsync(annulation))
        {
            return NotFound();
        }

        // Another academy's candidate (or another session's) is not found, as everywhere in the back-office (A1).
        if (!await ChargerInscription.DuPerimetre(Db, CompteId, Administrateur)
                .AnyAsync(i => i.Id == inscriptionId && i.AcademieSession.SessionId == Id, annulation))
        {
            return NotFound();
        }

        ModelState.Clear();
        var r = await trancher.ExecuterAsync(CompteId, Administrateur, inscriptionId, unite ?? "", note, absence, motif, Adresse, annulation);
        if (!r.Reussi)
        {
            // NOT_FOUND here is a mismatch a colleague has just settled (a page opened before): the list shows it gone
            // with the use case's French sentence, rather than a "page not found" that would look like a fault.
            foreach (var e in r.Erreurs)
            {
                ModelState.AddModelError(e.Chemin is null ? string.Empty : $"{e.Chemin}-{inscriptionId}-{unite}", e.Message);
            }

            return await ChargerAsync(annulation) ? Page() : NotFound();
        }

        TempData["Message"] = $"Écart tranché : {unite} = {r.Valeur.Texte}. Inscrit au journal.";
        return Redirect($"/gestion/sessions/{Id}/notes/ecarts");
    }

    private async Task<bool> ChargerAsync(CancellationToken annulation)
    {
        if (!await ChargerSessionAsync(annulation))
        {
            return false;
        }

        var inscriptions = ChargerInscription.DuPerimetre(Db, CompteId, Administrateur).Where(i => i.AcademieSession.SessionId == Id);
        var saisies = await Db.SaisiesNotes.AsNoTracking()
            .Where(s => s.Numero != SaisieNote.Arbitrage && inscriptions.Any(i => i.Id == s.InscriptionId))
            .Where(s => !Db.NotesUnites.Any(n => n.InscriptionId == s.InscriptionId && n.Unite == s.Unite))
            .ToListAsync(annulation);
        var paires = saisies.GroupBy(s => (s.InscriptionId, s.Unite))
            .Select(g => (g.Key, S1: g.FirstOrDefault(s => s.Numero == 1), S2: g.FirstOrDefault(s => s.Numero == 2)))
            .Where(p => p.S1 is not null && p.S2 is not null && !p.S1.Concorde(p.S2))
            .ToList();
        var ids = paires.Select(p => p.Key.InscriptionId).Distinct().ToList();
        var infos = await Db.Inscriptions.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Numero, i.CandidatId }).ToDictionaryAsync(i => i.Id, annulation);
        var comptes = infos.Values.Select(i => i.CandidatId).Distinct().ToList();
        var noms = await Db.Users.AsNoTracking().Where(u => comptes.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => $"{u.Nom} {u.Prenoms}", annulation);
        Ecarts = [.. paires.Select(p => new Ecart(p.Key.InscriptionId, infos[p.Key.InscriptionId].Numero, noms.GetValueOrDefault(infos[p.Key.InscriptionId].CandidatId) ?? "", p.Key.Unite, p.S1!, p.S2!))
            .OrderBy(e => e.Numero, StringComparer.Ordinal).ThenBy(e => e.Unite, StringComparer.Ordinal)];
        return true;
    }
}
