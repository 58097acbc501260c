using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Catalogue;
using Examens.Domain.Regles;
using Examens.Web.Gestion;
using Examens.Web.Pages.Candidat.Inscription;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Gestion;

/// <summary>
/// An officer changes a registration after the close (P22), with a reason: the same fields and form model as the
/// candidate's "Spécialité, forme et langues" step, checked by the same rules engine; the result is a new version
/// authored by the officer. Refused with a French message while the window is open and once convocations are out.
/// </summary>
public sealed class ModifierDossierModel(ExamensDbContext db, VerifierBrouillon verificateur, TimeProvider horloge, ModifierInscriptionGestionnaire modifier)
    : PageGestion
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty]
    public ExamenModel.Formulaire Saisie { get; set; } = new();

    [BindProperty]
    public string? Motif { get; set; }

    /// <summary>The version the form was opened on: a colleague's version saved meanwhile is not silently undone.</summary>
    [BindProperty]
    public int? VersionLue { get; set; }

    public int VersionCourante { get; private set; }

    public Inscription Inscription { get; private set; } = null!;

    public DonneesInscription Donnees { get; private set; } = new();

    public string? Refus { get; private set; }

    public Specialite? SpecialiteChoisie { get; private set; }

    public List<(string Valeur, string Libelle)> ChoixSpecialites { get; } = [];

    public IReadOnlyList<string> LanguesObligatoires { get; private set; } = [];

    public IReadOnlyList<string> LanguesFacultatives { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        Saisie = new ExamenModel.Formulaire
        {
            SpecialiteOption = string.IsNullOrEmpty(Donnees.Specialite) ? null : $"{Donnees.Specialite}|{Donnees.Option}",
            Forme = Donnees.Forme,
            LangueObligatoire = Donnees.LangueObligatoire,
            LangueFacultative = Donnees.LanguesFacultatives.Count > 0 ? Donnees.LanguesFacultatives[0] : null,
            UnitesFacultatives = [.. Donnees.UnitesFacultatives],
            UnitesAPasser = [.. Donnees.UnitesAPasser],
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        if (VersionLue != VersionCourante)
        {
            ModelState.AddModelError(string.Empty, Web.Gestion.PageModificationDossier.MessageVersionChangee(VersionLue, VersionCourante));
            return Page();
        }

        string specialite = "", option = "";
        if (string.IsNullOrEmpty(Saisie.SpecialiteOption) || !ChoixSpecialites.Any(c => c.Valeur == Saisie.SpecialiteOption))
        {
            ModelState.AddModelError("Saisie.SpecialiteOption", "Choisissez une spécialité de la liste.");
        }
        else
        {
            var parties = Saisie.SpecialiteOption.Split('|');
            (specialite, option) = (parties[0], parties[1]);
        }

        if (Saisie.Forme is not { } forme || !Enum.IsDefined(forme))
        {
            ModelState.AddModelError("Saisie.Forme", "Choisissez la forme globale ou la forme progressive.");
        }

        if (string.IsNullOrWhiteSpace(Motif))
        {
            ModelState.AddModelError(nameof(Motif), "Indiquez le motif de la modification (par exemple la demande écrite du candidat) : il est gardé au journal et envoyé au candidat.");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var langueUnite = verificateur.Catalogue.Trouver(specialite, Inscription.AcademieSession.Session.Annee).Specialite?
            .UnitesFacultatives(option).FirstOrDefault(u => u.Langue)?.Id;
        var facultatives = Saisie.UnitesFacultatives.Where(u => u != langueUnite).Distinct(StringComparer.Ordinal).Take(10).ToList();
        if (!string.IsNullOrWhiteSpace(Saisie.LangueFacultative) && langueUnite is not null)
        {
            facultatives.Add(langueUnite);
        }

        var resultat = await modifier.ExecuterAsync(CompteId, Administrateur, Id, d => d with
        {
            Specialite = specialite,
            Option = option.Length == 0 ? null : option,
            Forme = Saisie.Forme,
            // The officer acts on the candidate's written request: the choice is recorded as confirmed (R11).
            FormeConfirmee = true,
            LangueObligatoire = Saisie.LangueObligatoire ?? "",
            LanguesFacultatives = string.IsNullOrWhiteSpace(Saisie.LangueFacultative) ? [] : [Saisie.LangueFacultative],
            UnitesFacultatives = facultatives,
            UnitesAPasser = Saisie.Forme == FormePassage.Progressive ? [.. Saisie.UnitesAPasser.Distinct(StringComparer.Ordinal).Take(40)] : [],
        }, Motif, Adresse, annulation);
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

    private async Task<bool> ChargerAsync(CancellationToken annulation)
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
        Preparer();
        return true;
    }

    private void Preparer()
    {
        var catalogue = verificateur.Catalogue;
        var annee = Inscription.AcademieSession.Session.Annee;
        var specialites = catalogue.Specialites.Select(s => s.Code).Distinct(StringComparer.Ordinal)
            .Select(code => catalogue.Trouver(code, annee).Specialite!)
            .OrderBy(s => s.Nom, StringComparer.Create(Examens.Domain.Common.Francais.Culture, false));
        foreach (var s in specialites)
        {
            if (s.Options.Count == 0)
            {
                ChoixSpecialites.Add(($"{s.Code}|", $"{s.Nom} ({s.Code})"));
            }
            else
            {
                ChoixSpecialites.AddRange(s.Options.Select(o => ($"{s.Code}|{o.Code}", $"{s.Nom} ({s.Code}), option {o.Code} – {o.Nom}")));
            }
        }

        SpecialiteChoisie = string.IsNullOrEmpty(Donnees.Specialite) ? null : catalogue.Trouver(Donnees.Specialite, annee).Specialite;
        LanguesObligatoires = SpecialiteChoisie is { Langues.Obligatoires.Count: > 0 } l ? l.Langues.Obligatoires
            : [.. catalogue.Specialites.SelectMany(s => s.Langues.Obligatoires).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        LanguesFacultatives = SpecialiteChoisie is { Langues.Facultatives.Count: > 0 } f ? f.Langues.Facultatives
            : [.. catalogue.Specialites.SelectMany(s => s.Langues.Facultatives).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }
}
