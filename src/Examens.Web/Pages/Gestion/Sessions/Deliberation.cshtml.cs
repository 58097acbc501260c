using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Examens.Core.Sessions;
using Examens.Domain.Deliberations;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Gestion.Sessions;

/// <summary>
/// A session's deliberation: run it for the whole session (summary counts), the candidates of the scope with their
/// outcome (filterable), then lock the results and set their publication instant. Outside the scope: 404.
/// </summary>
public sealed class DeliberationModel(
    ExamensDbContext db, DelibererSession deliberer, VerrouillerResultats verrouiller, FixerPublication fixer, TimeProvider horloge) : PageGestion
{
    public const int LignesMax = 500;

    public sealed record Ligne(Guid Id, string Numero, string Nom, string Academie, string? Specialite, Decision Decision, Decision DecisionCalculee,
        decimal? Moyenne, decimal Points, decimal Coefficients, decimal Bonus, decimal PointsJury, bool Controle);

    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "decision")]
    public Decision? FiltreDecision { get; set; }

    [BindProperty(SupportsGet = true, Name = "controle")]
    public bool FiltreControle { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public string? Recherche { get; set; }

    /// <summary>Local date-time (Paris) typed by the officer for the publication.</summary>
    [BindProperty]
    public string? Publication { get; set; }

    public SessionExamen Session { get; private set; } = null!;

    public PublicationResultats? Etat { get; private set; }

    public bool Publie => Etat?.EstPublieA(horloge.GetUtcNow()) == true;

    public int Soumises { get; private set; }

    public Dictionary<Decision, int> Compteurs { get; private set; } = [];

    public int Controles { get; private set; }

    public int Total { get; private set; }

    public IReadOnlyList<Ligne> Lignes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        // A filter the address mangled (?decision=abc) is ignored, as on the files list: nothing to save, no error box.
        ModelState.Clear();
        return await ChargerAsync(annulation) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDelibererAsync(CancellationToken annulation)
    {
        if (!await AccesSession.AutoriseAsync(db, CompteId, Administrateur, Id, annulation))
        {
            return NotFound();
        }

        if (!await AccesSession.SurToutLaSessionAsync(db, CompteId, Administrateur, Id, annulation))
        {
            return await RefuserAsync(annulation);
        }

        var resultat = await deliberer.DelibererAsync(Id, null, annulation);
        if (!resultat.Reussi)
        {
            return await ErreursAsync(resultat.Erreurs, annulation);
        }

        var b = resultat.Valeur!;
        db.Journal.Add(new Core.Journal.EvenementJournal
        {
            InstantUtc = horloge.GetUtcNow().UtcDateTime,
            Acteur = CompteId,
            Action = "deliberation.session",
            Cible = $"session:{Id}",
            Apres = $"{b.Deliberes} délibéré(s) : {b.Admis} admis, {b.Ajournes} ajourné(s), {b.Elimines} éliminé(s), {b.Incomplets} incomplet(s)",
            Adresse = Adresse,
        });
        await db.SaveChangesAsync(annulation);
        TempData["Message"] = $"Délibération faite pour toute la session : {b.Deliberes} candidat(s), {b.Admis} admis, {b.Ajournes} ajourné(s), {b.Elimines} éliminé(s), {b.Incomplets} incomplet(s).";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostVerrouillerAsync(CancellationToken annulation)
    {
        if (!await AccesSession.AutoriseAsync(db, CompteId, Administrateur, Id, annulation))
        {
            return NotFound();
        }

        if (!await AccesSession.SurToutLaSessionAsync(db, CompteId, Administrateur, Id, annulation))
        {
            return await RefuserAsync(annulation);
        }

        var resultat = await verrouiller.ExecuterAsync(Id, CompteId, Adresse, annulation);
        if (!resultat.Reussi)
        {
            return await ErreursAsync(resultat.Erreurs, annulation);
        }

        TempData["Message"] = "Résultats verrouillés : plus de nouvelle délibération ni de changement par le jury. Fixez maintenant la date de publication.";
        return RedirectToPage(new { Id });
    }

    public async Task<IActionResult> OnPostPublierAsync(CancellationToken annulation)
    {
        if (!await AccesSession.AutoriseAsync(db, CompteId, Administrateur, Id, annulation))
        {
            return NotFound();
        }

        if (!await AccesSession.SurToutLaSessionAsync(db, CompteId, Administrateur, Id, annulation))
        {
            return await RefuserAsync(annulation);
        }

        if (FixerPublication.Lire(Publication) is not { } instant)
        {
            ModelState.AddModelError(nameof(Publication), "Indiquez la date et l'heure de publication (heure de Paris), par exemple 2024-07-05T10:00.");
            await ChargerAsync(annulation);
            return Page();
        }

        var resultat = await fixer.ExecuterAsync(Id, instant, CompteId, Adresse, annulation);
        if (!resultat.Reussi)
        {
            return await ErreursAsync(resultat.Erreurs, annulation);
        }

        // An instant already past publishes at once: the message says so rather than a date that looks like a mistake.
        var publication = resultat.Valeur!.PublicationUtc!.Value;
        TempData["Message"] = publication <= horloge.GetUtcNow().UtcDateTime
            ? $"Résultats publiés dès maintenant : l'instant indiqué ({FixerPublication.Local(publication)}) est déjà passé. Les candidats voient leurs résultats et reçoivent un courriel."
            : $"Publication fixée au {FixerPublication.Local(publication)}. Les candidats verront leurs résultats à cet instant et recevront un courriel.";
        return RedirectToPage(new { Id });
    }

    public static string Libelle(Decision d) => CalculerResultatCandidat.Libelle(d);

    /// <summary>Whether this member of staff may deliberate, lock and publish the whole session.</summary>
    public bool SurToutLaSession { get; private set; }

    public const string MessageRefus = "Délibérer, verrouiller et publier valent pour toutes les académies de la session : seul un administrateur ou un gestionnaire de chacune d'elles peut le faire.";

    private async Task<IActionResult> RefuserAsync(CancellationToken annulation)
    {
        ModelState.AddModelError(string.Empty, MessageRefus);
        await ChargerAsync(annulation);
        return new PageResult { StatusCode = StatusCodes.Status403Forbidden };
    }

    private async Task<IActionResult> ErreursAsync(IEnumerable<Examens.Domain.Common.ErreurRegle> erreurs, CancellationToken annulation)
    {
        foreach (var e in erreurs)
        {
            ModelState.AddModelError(e.Chemin == "publication" ? nameof(Publication) : string.Empty, e.Message);
        }

        await ChargerAsync(annulation);
        return Page();
    }

    private async Task<bool> ChargerAsync(CancellationToken annulation)
    {
        if (!await AccesSession.AutoriseAsync(db, CompteId, Administrateur, Id, annulation))
        {
            return false;
        }

        Session = await db.Sessions.AsNoTracking().FirstAsync(s => s.Id == Id, annulation);
        SurToutLaSession = await AccesSession.SurToutLaSessionAsync(db, CompteId, Administrateur, Id, annulation);
        Etat = await db.PublicationsResultats.AsNoTracking().FirstOrDefaultAsync(p => p.SessionId == Id, annulation);
        var inscriptions = ChargerInscription.DuPerimetre(db, CompteId, Administrateur).Where(i => i.AcademieSession.SessionId == Id);
        Soumises = await inscriptions.CountAsync(i => i.Etat == EtatInscription.Soumise, annulation);
        var resultats =
            from r in db.ResultatsInscriptions
            join i in inscriptions on r.InscriptionId equals i.Id
            join c in db.Users on i.CandidatId equals c.Id
            select new { r, i, c };
        Compteurs = await resultats.GroupBy(x => x.r.Decision).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N, annulation);
        Controles = await resultats.CountAsync(x => x.r.EpreuvesDeControle, annulation);
        if (FiltreDecision is { } d)
        {
            resultats = resultats.Where(x => x.r.Decision == d);
        }

        if (FiltreControle)
        {
            resultats = resultats.Where(x => x.r.EpreuvesDeControle);
        }

        var lignes = resultats.OrderBy(x => x.c.Nom).ThenBy(x => x.i.Numero)
            .Select(x => new Ligne(x.i.Id, x.i.Numero, x.c.Prenoms + " " + x.c.Nom, x.i.AcademieSession.Code, x.i.Specialite, x.r.Decision, x.r.DecisionCalculee,
                x.r.Moyenne, x.r.Points, x.r.Coefficients, x.r.BonusFacultatif, x.r.PointsJury, x.r.EpreuvesDeControle));
        if (string.IsNullOrWhiteSpace(Recherche))
        {
            Total = await lignes.CountAsync(annulation);
            Lignes = await lignes.Take(LignesMax).ToListAsync(annulation);
        }
        else
        {
            // Accent- and case-insensitive, in .NET, the same on both databases (as the files search).
            var trouvees = (await lignes.ToListAsync(annulation)).Where(l => RechercheDossiers.Correspond(Recherche, l.Numero, l.Nom, "")).ToList();
            Total = trouvees.Count;
            Lignes = [.. trouvees.Take(LignesMax)];
        }

        return true;
    }
}
