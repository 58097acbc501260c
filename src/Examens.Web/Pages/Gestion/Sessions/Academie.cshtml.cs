using System.Globalization;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Examens.Domain.Common;
using Examens.Domain.Regles;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Gestion.Sessions;

/// <summary>
/// Adds or edits an academy of a session (administrators; an officer reads the settings of their academies). Once the
/// window has opened, the opening and the zone are fixed and the closing moves with a reason (ProlongerFenetre).
/// </summary>
public sealed class AcademieModel(ExamensDbContext db, EnregistrerAcademie enregistrer, ProlongerFenetre prolonger, TimeProvider horloge) : PageGestion
{
    /// <summary>The form as typed (strings, so a wrong value comes back with a French message, never the binder's).</summary>
    public sealed class Formulaire
    {
        public string? Code { get; set; }

        public string? Nom { get; set; }

        public string? Fuseau { get; set; } = "Europe/Paris";

        public string? Ouverture { get; set; }

        public string? Fermeture { get; set; }

        public string? DateLimitePieces { get; set; }

        public string? ModeConfirmation { get; set; } = nameof(Domain.Regles.ModeConfirmation.Papier);

        public string? MaxUnitesFacultatives { get; set; }

        public bool AbsenceFacultativeEliminatoire { get; set; }

        public bool PieceD12Requise { get; set; }

        public bool PieceD13Requise { get; set; }
    }

    /// <summary>The zones of the French academies, offered as suggestions (any IANA zone is accepted).</summary>
    public static readonly IReadOnlyList<string> FuseauxCourants =
    [
        "Europe/Paris", "America/Martinique", "America/Guadeloupe", "America/Cayenne", "Indian/Reunion", "Indian/Mayotte",
        "America/Miquelon", "Pacific/Noumea", "Pacific/Tahiti", "Pacific/Wallis",
    ];

    [BindProperty]
    public Formulaire Saisie { get; set; } = new();

    public SessionExamen Session { get; private set; } = null!;

    public AcademieSession? Academie { get; private set; }

    public bool Ouverte { get; private set; }

    public bool LectureSeule => !Administrateur;

    public IReadOnlyList<EvenementJournal> Journal { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Acteurs { get; private set; } = new Dictionary<string, string>();

    public string Acteur(string id) => Acteurs.TryGetValue(id, out var courriel) ? courriel : id;

    public async Task<IActionResult> OnGetAsync(int id, string academieId, CancellationToken annulation)
    {
        if (!await ChargerAsync(id, academieId, annulation))
        {
            return NotFound();
        }

        if (Academie is { } a)
        {
            Saisie = new Formulaire
            {
                Code = a.Code,
                Nom = a.Nom,
                Fuseau = a.Fuseau,
                Ouverture = EnregistrerAcademie.Iso(a.OuvertureLocale),
                Fermeture = EnregistrerAcademie.Iso(a.FermetureLocale),
                DateLimitePieces = a.DateLimitePiecesLocale is { } d ? EnregistrerAcademie.Iso(d) : "",
                ModeConfirmation = a.ModeConfirmation.ToString(),
                MaxUnitesFacultatives = a.MaxUnitesFacultatives.ToString(CultureInfo.InvariantCulture),
                AbsenceFacultativeEliminatoire = a.AbsenceFacultativeEliminatoire,
                PieceD12Requise = a.PieceD12Requise,
                PieceD13Requise = a.PieceD13Requise,
            };
        }
        else
        {
            // P14's default for the session's year; P6, P20, P21 defaults are the Formulaire's.
            Saisie.MaxUnitesFacultatives = ParametresSession.MaxUnitesFacultativesParDefaut(Session.Annee).ToString(CultureInfo.InvariantCulture);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int id, string academieId, CancellationToken annulation)
    {
        if (!Administrateur)
        {
            return Forbid();
        }

        if (!await ChargerAsync(id, academieId, annulation))
        {
            return NotFound();
        }

        var saisie = new EnregistrerAcademie.Saisie(
            Saisie.Code, Saisie.Nom, Saisie.Fuseau, Saisie.Ouverture, Saisie.Fermeture, Saisie.DateLimitePieces, Saisie.ModeConfirmation,
            int.TryParse(Saisie.MaxUnitesFacultatives, NumberStyles.None, CultureInfo.InvariantCulture, out var max) ? max : null,
            Saisie.AbsenceFacultativeEliminatoire, Saisie.PieceD12Requise, Saisie.PieceD13Requise);
        var resultat = await enregistrer.ExecuterAsync(id, Academie?.Id, saisie, CompteId, Adresse, annulation);
        if (!resultat.Reussi)
        {
            foreach (var e in resultat.Erreurs)
            {
                ModelState.AddModelError(e.Chemin ?? "", e.Message);
            }

            return Page();
        }

        TempData["Message"] = Academie is null ? "Académie ajoutée à la session." : "Réglages de l'académie enregistrés.";
        return Redirect($"/gestion/sessions/{id}/academies/{resultat.Valeur!.Id}");
    }

    /// <summary>Moves the closing of an open window (an extension after an incident): a reason is required and goes in the trail.</summary>
    public async Task<IActionResult> OnPostClotureAsync(int id, string academieId, string? nouvelleCloture, string? motif, CancellationToken annulation)
    {
        if (!Administrateur)
        {
            return Forbid();
        }

        if (!await ChargerAsync(id, academieId, annulation) || Academie is null)
        {
            return NotFound();
        }

        var erreurs = new List<ErreurRegle>();
        var locale = EnregistrerAcademie.LireInstant(nouvelleCloture, "nouvelleCloture", "la nouvelle clôture", true, Academie.FuseauHoraire, erreurs);
        if (string.IsNullOrWhiteSpace(motif))
        {
            erreurs.Add(new ErreurRegle("P12", "REASON_REQUIRED", "Indiquez le motif de la modification de la clôture : il figure au journal.", "motif"));
        }
        else if (motif.Length > 1000)
        {
            erreurs.Add(new ErreurRegle("P12", "REASON_TOO_LONG", "Le motif est trop long (1 000 caractères au plus).", "motif"));
        }

        if (erreurs.Count == 0)
        {
            var resultat = await prolonger.ExecuterAsync(Academie.Id, locale!.Value, motif!, CompteId, Adresse, annulation);
            erreurs.AddRange(resultat.Erreurs.Select(e => e with { Chemin = e.Chemin == "motif" ? "motif" : "nouvelleCloture" }));
        }

        if (erreurs.Count > 0)
        {
            foreach (var e in erreurs)
            {
                ModelState.AddModelError(e.Chemin ?? "", e.Message);
            }

            return await OnGetAsync(id, academieId, annulation);
        }

        TempData["Message"] = "Clôture modifiée ; le motif est au journal.";
        return Redirect($"/gestion/sessions/{id}/academies/{Academie.Id}");
    }

    private async Task<bool> ChargerAsync(int id, string academieId, CancellationToken annulation)
    {
        var session = await PerimetreSessions.SessionAsync(db, id, CompteId, Administrateur, annulation);
        if (session is null)
        {
            return false;
        }

        Session = session;
        if (string.Equals(academieId, "nouvelle", StringComparison.Ordinal))
        {
            // Only an administrator adds an academy.
            return Administrateur;
        }

        if (!int.TryParse(academieId, NumberStyles.None, CultureInfo.InvariantCulture, out var numero))
        {
            return false;
        }

        Academie = session.Academies.FirstOrDefault(a => a.Id == numero);
        if (Academie is null)
        {
            return false;
        }

        Ouverte = horloge.GetUtcNow().UtcDateTime >= Academie.OuvertureUtc;
        var cible = $"academie:{Academie.Id}";
        Journal = await db.Journal.AsNoTracking().Where(e => e.Cible == cible).OrderByDescending(e => e.Id).Take(100).ToListAsync(annulation);
        var ids = Journal.Select(e => e.Acteur).Distinct().ToList();
        Acteurs = await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, annulation);
        return true;
    }
}
