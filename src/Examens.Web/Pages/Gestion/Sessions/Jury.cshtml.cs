using System.Globalization;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Examens.Domain.Deliberations;
using Examens.Web.Comptes;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Gestion.Sessions;

/// <summary>
/// The jury page of one candidate: the computation line by line with the rule applied, a what-if that recomputes with
/// changed grades without saving anything, and the jury's decision (points de jury or decision) with its reason.
/// </summary>
public sealed class JuryModel(ExamensDbContext db, CalculerResultatCandidat calcul, EnregistrerDecisionJury enregistrer) : PageGestion
{
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid InscriptionId { get; set; }

    /// <summary>What-if grades typed by the jury, by unit; empty means unchanged.</summary>
    [BindProperty]
    public Dictionary<string, string?> Essais { get; set; } = [];

    [BindProperty]
    public string? PointsJury { get; set; }

    [BindProperty]
    public string? DecisionImposee { get; set; }

    [BindProperty]
    public string? Motif { get; set; }

    public DetailResultat Detail { get; private set; } = null!;

    public DetailResultat? Essai { get; private set; }

    public string NomCandidat { get; private set; } = "";

    public bool Verrouilles { get; private set; }

    public bool Delibere { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        PointsJury = Detail.Jury is { } j ? j.PointsJury.ToString("0.##", CultureInfo.GetCultureInfo("fr-FR")) : "";
        DecisionImposee = Detail.Jury?.DecisionImposee?.ToString();
        return Page();
    }

    /// <summary>What-if: the engine on the changed grades, shown beside the real outcome; nothing is written.</summary>
    public async Task<IActionResult> OnPostEssayerAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        var essai = new Dictionary<string, ResultatUnite>(StringComparer.OrdinalIgnoreCase);
        foreach (var ligne in Detail.Lignes)
        {
            if (!Essais.TryGetValue(ligne.Unite, out var texte) || string.IsNullOrWhiteSpace(texte))
            {
                continue;
            }

            if (NoteSaisie.Lire(texte, out var note))
            {
                essai[ligne.Unite] = ResultatUnite.Presente(note);
            }
            else
            {
                ModelState.AddModelError($"Essais[{ligne.Unite}]", $"{ligne.Unite} : une note est un nombre entre 0 et 20, avec au plus deux décimales (par exemple 12,5).");
            }
        }

        if (essai.Count == 0 && ModelState.IsValid)
        {
            ModelState.AddModelError(string.Empty, "Indiquez au moins une note à essayer.");
        }

        if (ModelState.IsValid)
        {
            Essai = await calcul.ExecuterAsync(await InscriptionAsync(annulation) ?? throw new InvalidOperationException(), essai, annulation);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostDeciderAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        var points = 0m;
        // A sign is read, so "-1" gets the use case's message with the range, not "a number".
        if (!string.IsNullOrWhiteSpace(PointsJury)
            && !decimal.TryParse(PointsJury.Trim().Replace(',', '.'), NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out points))
        {
            ModelState.AddModelError(nameof(PointsJury), "Les points de jury sont un nombre, par exemple 0,5.");
            return Page();
        }

        Decision? imposee = DecisionImposee switch
        {
            nameof(Decision.Admis) => Decision.Admis,
            nameof(Decision.Ajourne) => Decision.Ajourne,
            _ => null,
        };
        var resultat = await enregistrer.ExecuterAsync(InscriptionId, points, imposee, Motif, CompteId, Adresse, annulation);
        if (!resultat.Reussi)
        {
            foreach (var e in resultat.Erreurs)
            {
                ModelState.AddModelError(e.Chemin switch { "motif" => nameof(Motif), "pointsJury" => nameof(PointsJury), "decision" => nameof(DecisionImposee), _ => "" }, e.Message);
            }

            return Page();
        }

        TempData["Message"] = $"Décision du jury enregistrée avec son motif : {CalculerResultatCandidat.Libelle(resultat.Valeur!.Decision)}, moyenne {CalculerResultatCandidat.Moyenne(resultat.Valeur.Moyenne)}.";
        return RedirectToPage(new { Id, InscriptionId });
    }

    public static string Statut(LigneResultat l) => ConstruireReleve.Statut(l);

    private Task<Inscription?> InscriptionAsync(CancellationToken annulation) =>
        ChargerInscription.DuPerimetre(db, CompteId, Administrateur)
            .Include(i => i.AcademieSession).ThenInclude(a => a.Session)
            .FirstOrDefaultAsync(i => i.Id == InscriptionId && i.AcademieSession.SessionId == Id, annulation);

    private async Task<bool> ChargerAsync(CancellationToken annulation)
    {
        var inscription = await InscriptionAsync(annulation);
        var detail = inscription is null ? null : await calcul.ExecuterAsync(inscription, null, annulation);
        if (inscription is null || detail is null)
        {
            return false;
        }

        Detail = detail;
        var compte = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == inscription.CandidatId, annulation);
        NomCandidat = compte?.NomComplet ?? "";
        Verrouilles = await db.PublicationsResultats.AnyAsync(p => p.SessionId == Id && p.VerrouillesLeUtc != null, annulation);
        Delibere = await db.ResultatsInscriptions.AnyAsync(r => r.InscriptionId == InscriptionId, annulation);
        return true;
    }
}
