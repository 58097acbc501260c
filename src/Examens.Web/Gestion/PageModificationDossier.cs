using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Catalogue;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Gestion;

/// <summary>
/// What the officer's edit pages after the close share (P22): the file loaded within the officer's scope (another
/// academy's file is a 404), the latest version's data, the refusal said before any input (window open, convocations
/// published), the mandatory reason, and the use case's answer turned into French messages or the file page.
/// </summary>
public abstract class PageModificationDossier(ExamensDbContext db, VerifierBrouillon verificateur, TimeProvider horloge, ModifierInscriptionGestionnaire modifier)
    : PageGestion
{
    protected const string MessageMotif = "Indiquez le motif de la modification (par exemple la demande écrite du candidat) : il est gardé au journal et envoyé au candidat.";

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public string? Motif { get; set; }

    /// <summary>
    /// The version the form was opened on (hidden field): a colleague's version saved meanwhile must not be silently
    /// undone by a form showing the older data.
    /// </summary>
    [BindProperty]
    public int? VersionLue { get; set; }

    /// <summary>The latest version's number (0 before any).</summary>
    public int VersionCourante { get; private set; }

    public Inscription Inscription { get; private set; } = null!;

    public DonneesInscription Donnees { get; private set; } = new();

    public string? Refus { get; private set; }

    /// <summary>The compulsory units of the chosen speciality and option: the only ones a grade or an exemption may name.</summary>
    public IReadOnlyList<Unite> Unites { get; private set; } = [];

    protected ExamensDbContext Db => db;

    public static string MessageVersionChangee(int? lue, int courante) =>
        $"L'inscription a changé depuis l'ouverture de ce formulaire (version {lue} alors, version {courante} maintenant) : rechargez la page, vérifiez la nouvelle version, puis recommencez. Rien n'a été enregistré.";

    protected TimeProvider Horloge => horloge;

    protected async Task<bool> ChargerAsync(CancellationToken annulation)
    {
        var inscription = await ChargerInscription.DuPersonnelAsync(db, CompteId, Administrateur, Id, annulation);
        if (inscription is null)
        {
            return false;
        }

        Inscription = inscription;
        var derniere = inscription.Versions.OrderByDescending(v => v.Numero).FirstOrDefault();
        Donnees = derniere is not null && ChampsInscription.Relire(derniere) is { } c ? c.Donnees : SerialisationInscription.LireBrouillon(inscription.Brouillon);
        VersionCourante = derniere?.Numero ?? 0;
        VersionLue ??= VersionCourante;
        Refus = ModifierInscriptionGestionnaire.Refus(inscription, horloge.GetUtcNow(), null)?.Message;
        var specialite = string.IsNullOrEmpty(Donnees.Specialite) ? null
            : verificateur.Catalogue.Trouver(Donnees.Specialite, inscription.AcademieSession.Session.Annee).Specialite;
        Unites = specialite?.UnitesObligatoires(Donnees.Option).ToList() ?? [];
        return true;
    }

    /// <summary>Checks the reason, then hands the change to the use case; nothing is stored unless every check passes.</summary>
    protected async Task<IActionResult> EnregistrerAsync(Func<DonneesInscription, DonneesInscription> changement, CancellationToken annulation)
    {
        if (VersionLue != VersionCourante)
        {
            // The field keeps the old number: only reloading the page (and seeing the new version) lets the change through.
            ModelState.AddModelError(string.Empty, MessageVersionChangee(VersionLue, VersionCourante));
            return Page();
        }

        if (string.IsNullOrWhiteSpace(Motif))
        {
            ModelState.AddModelError(nameof(Motif), MessageMotif);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var resultat = await modifier.ExecuterAsync(CompteId, Administrateur, Id, changement, Motif, Adresse, annulation);
        if (resultat.Erreurs is [{ Code: "NOT_FOUND" }])
        {
            return NotFound();
        }

        if (!resultat.Reussi)
        {
            foreach (var e in resultat.Erreurs)
            {
                ModelState.AddModelError(e.Chemin is "motif" ? nameof(Motif) : string.Empty, e.Message);
            }

            return Page();
        }

        TempData["Message"] = $"Inscription modifiée : version {resultat.Valeur!.Version.Numero}. "
            + (resultat.Valeur.CourrielEnvoye ? "Le candidat est prévenu par courriel." : "Le courriel au candidat n'a pas pu partir : il verra la modification dans son espace.");
        return Redirect($"/gestion/dossiers/{Id}");
    }
}
