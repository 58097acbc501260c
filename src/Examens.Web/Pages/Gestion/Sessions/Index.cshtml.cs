using System.Globalization;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Examens.Core.Sessions;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Gestion.Sessions;

/// <summary>The sessions (an officer sees those holding one of their academies); an administrator creates one here.</summary>
public sealed class IndexModel(ExamensDbContext db, CreerSession creer, TimeProvider horloge) : PageGestion
{
    public sealed record Ligne(SessionExamen Session, int Academies, int Deliberes, PublicationResultats? Publication);

    public DateTimeOffset Maintenant => horloge.GetUtcNow();

    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];

    // Nullable: a non-nullable string would get the framework's implicit [Required] and its English message.
    [BindProperty]
    public string? Annee { get; set; }

    [BindProperty]
    public string? Libelle { get; set; }

    [BindProperty]
    public string? DateDeliberation { get; set; }

    public async Task OnGetAsync(CancellationToken annulation) => await ChargerAsync(annulation);

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        if (!Administrateur)
        {
            return Forbid();
        }

        int? annee = int.TryParse(Annee, NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : null;
        DateOnly? date = DateOnly.TryParseExact((DateDeliberation ?? "").Trim(), ["yyyy-MM-dd", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        var resultat = await creer.ExecuterAsync(annee, Libelle, date, CompteId, Adresse, annulation);
        if (!resultat.Reussi)
        {
            foreach (var e in resultat.Erreurs)
            {
                ModelState.AddModelError(e.Chemin ?? "", e.Message);
            }

            await ChargerAsync(annulation);
            return Page();
        }

        TempData["Message"] = "Session créée : ajoutez-lui ses académies.";
        return Redirect($"/gestion/sessions/{resultat.Valeur!.Id}");
    }

    private async Task ChargerAsync(CancellationToken annulation)
    {
        var academies = PerimetreSessions.Academies(db, CompteId, Administrateur);
        var comptes = await academies.GroupBy(x => x.SessionId).Select(g => new { g.Key, Nombre = g.Count() }).ToListAsync(annulation);
        var sessions = await db.Sessions.AsNoTracking().OrderByDescending(s => s.Annee).ThenBy(s => s.Id).ToListAsync(annulation);
        var deliberes = await db.ResultatsInscriptions.AsNoTracking()
            .Join(db.Inscriptions, r => r.InscriptionId, i => i.Id, (r, i) => i.AcademieSession.SessionId)
            .GroupBy(s => s).Select(g => new { g.Key, Nombre = g.Count() }).ToListAsync(annulation);
        var publications = await db.PublicationsResultats.AsNoTracking().ToDictionaryAsync(p => p.SessionId, annulation);
        Lignes = [.. sessions
            .Select(s => new Ligne(s, comptes.FirstOrDefault(c => c.Key == s.Id)?.Nombre ?? 0,
                deliberes.FirstOrDefault(d => d.Key == s.Id)?.Nombre ?? 0, publications.GetValueOrDefault(s.Id)))
            .Where(l => Administrateur || l.Academies > 0)];
    }
}
