using Examens.Core.Convocations;
using Examens.Core.Persistance;
using Examens.Domain.Catalogue;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Gestion.Convocations;

/// <summary>A session's exam centres (academies of the scope) and its timetable of units (R69).</summary>
public sealed class CentresModel(ExamensDbContext db, CatalogueBts catalogue, AjouterCentre ajouter, DefinirHoraire definir) : PageSession(db)
{
    public sealed record LigneCentre(CentreExamen Centre, string Academie, int Affectes);

    public sealed class SaisieCentre
    {
        public string? CodeAcademie { get; set; }
        public string? Nom { get; set; }
        public string? Adresse { get; set; }
        public int? Capacite { get; set; }
    }

    public sealed class SaisieHoraire
    {
        public string? Specialite { get; set; }
        public string? Unite { get; set; }
        public string? Date { get; set; }
        public string? Debut { get; set; }
        public int? Duree { get; set; }
    }

    [BindProperty]
    public SaisieCentre Centre { get; set; } = new();

    [BindProperty]
    public SaisieHoraire Horaire { get; set; } = new();

    public IReadOnlyList<LigneCentre> Centres { get; private set; } = [];

    public IReadOnlyList<HoraireEpreuve> Horaires { get; private set; } = [];

    public IReadOnlyList<Specialite> Specialites { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation) =>
        await ChargerAsync(annulation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostCentreAsync(CancellationToken annulation)
    {
        ModelState.Clear();
        var r = await ajouter.ExecuterAsync(CompteId, Administrateur, Id, Centre.CodeAcademie, Centre.Nom, Centre.Adresse, Centre.Capacite, Adresse, annulation);
        if (r.Erreurs is [{ Code: "NOT_FOUND" }])
        {
            return NotFound();
        }

        if (!r.Reussi)
        {
            Erreurs(r.Erreurs.Select(e => e with { Chemin = e.Chemin is null ? null : "Centre." + char.ToUpperInvariant(e.Chemin[0]) + e.Chemin[1..] }));
            return await ChargerAsync(annulation) ? Page() : NotFound();
        }

        TempData["Message"] = $"Centre « {r.Valeur!.Nom} » ajouté ({r.Valeur.Capacite} places).";
        return Redirect($"/gestion/sessions/{Id}/centres");
    }

    public async Task<IActionResult> OnPostHoraireAsync(CancellationToken annulation)
    {
        ModelState.Clear();
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        var r = await definir.ExecuterAsync(CompteId, Administrateur, Id, Horaire.Specialite, Horaire.Unite, SaisieDate.Date(Horaire.Date), SaisieDate.Heure(Horaire.Debut), Horaire.Duree, Adresse, annulation);
        if (!r.Reussi)
        {
            Erreurs(r.Erreurs.Select(e => e with { Chemin = e.Chemin is null ? null : "Horaire." + char.ToUpperInvariant(e.Chemin[0]) + e.Chemin[1..] }));
            return Page();
        }

        TempData["Message"] = $"Calendrier : {r.Valeur!.Specialite} {r.Valeur.Unite} enregistrée.";
        return Redirect($"/gestion/sessions/{Id}/centres");
    }

    private async Task<bool> ChargerAsync(CancellationToken annulation)
    {
        if (!await ChargerSessionAsync(annulation))
        {
            return false;
        }

        var codes = Academies.Select(a => a.Code).ToList();
        var centres = await Db.CentresExamen.AsNoTracking().Where(c => c.SessionId == Id && codes.Contains(c.CodeAcademie))
            .Select(c => new { Centre = c, Affectes = Db.AffectationsCentres.Count(a => a.CentreId == c.Id) })
            .ToListAsync(annulation);
        Centres = [.. centres.OrderBy(c => c.Centre.CodeAcademie, StringComparer.Ordinal).ThenBy(c => c.Centre.Nom, StringComparer.Ordinal)
            .Select(c => new LigneCentre(c.Centre, Academies.First(a => a.Code == c.Centre.CodeAcademie).Nom, c.Affectes))];
        Horaires = [.. (await Db.HorairesEpreuves.AsNoTracking().Where(h => h.SessionId == Id).ToListAsync(annulation))
            .OrderBy(h => h.Date).ThenBy(h => h.Debut).ThenBy(h => h.Specialite, StringComparer.Ordinal)];
        Specialites = [.. catalogue.Specialites.Where(s => s.Session == Session.Annee).OrderBy(s => s.Code, StringComparer.Ordinal)];
        return true;
    }
}
