using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Catalogue;
using Examens.Domain.Regles;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Candidat.Inscription;

public sealed partial class ExamenModel(ExamensDbContext db, UserManager<Compte> comptes, VerifierBrouillon verificateur, TimeProvider horloge)
    : PageInscription(db, comptes, verificateur, horloge)
{
    public sealed class Formulaire
    {
        public string? SpecialiteOption { get; set; }

        public FormePassage? Forme { get; set; }

        public bool ConfirmeForme { get; set; }

        public string? LangueObligatoire { get; set; }

        public string? LangueFacultative { get; set; }

        public List<string> UnitesFacultatives { get; set; } = [];

        public List<string> UnitesAPasser { get; set; } = [];

        /// <summary>The units sat this session, typed, where the catalogue lists none of the speciality's (R1, R13).</summary>
        public string? UnitesAPasserSaisies { get; set; }
    }

    /// <summary>
    /// A progressive candidate names the units sat this session (R13, P16). Where the catalogue does not list the
    /// speciality's units (règlement known in part), they are typed instead of ticked, and the office checks them.
    /// </summary>
    public bool UnitesASaisir => SpecialiteChoisie is { } s && !s.UnitesObligatoires(Dossier.Donnees.Option).Any();

    [BindProperty]
    public Formulaire Saisie { get; set; } = new();

    public Specialite? SpecialiteChoisie { get; private set; }

    public List<(string Valeur, string Libelle)> ChoixSpecialites { get; } = [];

    public IReadOnlyList<string> LanguesObligatoires { get; private set; } = [];

    public IReadOnlyList<string> LanguesFacultatives { get; private set; } = [];

    /// <summary>What each form costs, in plain French (R8–R17): shown before the choice and in its confirmation.</summary>
    public static string CoutForme(FormePassage forme) => forme switch
    {
        FormePassage.Globale => "Vous passez à cette session toutes les unités que vous ne conservez pas et dont vous n'êtes pas dispensé. En cas d'échec, seules les notes égales ou supérieures à 10 pourront être conservées (cinq ans) ; les notes inférieures à 10 sont perdues. Obligatoire pour les ex-scolaires et les ex-apprentis.",
        FormePassage.Progressive => "Vous choisissez à chaque session les unités que vous passez (au moins une). En cas d'échec, les notes égales ou supérieures à 10 peuvent être conservées et celles inférieures à 10 reportées, pendant cinq ans. Vous ne pourrez plus revenir à la forme globale.",
    };

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        var d = Dossier.Donnees;
        Saisie = new Formulaire
        {
            SpecialiteOption = string.IsNullOrEmpty(d.Specialite) ? null : $"{d.Specialite}|{d.Option}",
            Forme = d.Forme,
            ConfirmeForme = d.FormeConfirmee,
            LangueObligatoire = d.LangueObligatoire,
            LangueFacultative = d.LanguesFacultatives.Count > 0 ? d.LanguesFacultatives[0] : null,
            UnitesFacultatives = [.. d.UnitesFacultatives],
            UnitesAPasser = [.. d.UnitesAPasser],
        };
        Preparer();
        Saisie.UnitesAPasserSaisies = UnitesASaisir ? string.Join(", ", d.UnitesAPasser) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? aller, CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        Preparer();
        string specialite = "", option = "";
        if (!string.IsNullOrEmpty(Saisie.SpecialiteOption))
        {
            if (!ChoixSpecialites.Any(c => c.Valeur == Saisie.SpecialiteOption))
            {
                ModelState.AddModelError("Saisie.SpecialiteOption", "Choisissez une spécialité de la liste.");
            }
            else
            {
                var parties = Saisie.SpecialiteOption.Split('|');
                (specialite, option) = (parties[0], parties[1]);
            }
        }

        if (Saisie.Forme is { } f && !Enum.IsDefined(f))
        {
            ModelState.AddModelError("Saisie.Forme", "Choisissez la forme globale ou la forme progressive.");
        }

        // Only values the catalogue knows reach the draft: a crafted post cannot store markup or control characters.
        var catalogue = Verificateur.Catalogue.Specialites;
        if (!string.IsNullOrEmpty(Saisie.LangueObligatoire) && !catalogue.Any(s => s.Langues.Obligatoires.Contains(Saisie.LangueObligatoire)))
        {
            ModelState.AddModelError("Saisie.LangueObligatoire", "Langue vivante obligatoire : choisissez une langue de la liste.");
        }

        if (!string.IsNullOrEmpty(Saisie.LangueFacultative) && !catalogue.Any(s => s.Langues.Facultatives.Contains(Saisie.LangueFacultative)))
        {
            ModelState.AddModelError("Saisie.LangueFacultative", "Langue vivante facultative : choisissez une langue de la liste.");
        }

        if (Saisie.UnitesFacultatives.Concat(Saisie.UnitesAPasser).Any(u => !catalogue.Any(s => s.Unites.Any(x => x.Id == u))))
        {
            ModelState.AddModelError("Saisie.UnitesAPasser", "Unités : choisissez des unités de la liste.");
        }

        var aPasser = Saisie.UnitesAPasser;
        if (UnitesASaisir && Saisie.Forme == FormePassage.Progressive)
        {
            aPasser = [];
            foreach (var code in (Saisie.UnitesAPasserSaisies ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                // Only a unit code reaches the draft (U4, U41, U52…), never free text.
                if (!CodeUnite().IsMatch(code))
                {
                    ModelState.AddModelError("Saisie.UnitesAPasserSaisies",
                        $"Unités présentées : « {(code.Length > 12 ? code[..12] + "…" : code)} » n'est pas un code d'unité. Écrivez des codes comme U41 ou U51, séparés par des virgules.");
                    break;
                }

                aPasser.Add(code.ToUpperInvariant());
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var langueUnite = Verificateur.Catalogue.Trouver(specialite, Dossier.Inscription.AcademieSession.Session.Annee).Specialite?
            .UnitesFacultatives(option).FirstOrDefault(u => u.Langue)?.Id;
        var facultatives = Saisie.UnitesFacultatives.Where(u => u != langueUnite).Distinct(StringComparer.Ordinal).Take(10).ToList();
        if (!string.IsNullOrWhiteSpace(Saisie.LangueFacultative) && langueUnite is not null)
        {
            facultatives.Add(langueUnite);
        }

        return await EnregistrerAsync(d => d with
        {
            Specialite = specialite,
            Option = option.Length == 0 ? null : option,
            // Changing the form voids its confirmation: the new choice must be confirmed again (R11).
            FormeConfirmee = Saisie.Forme is not null && Saisie.Forme == d.Forme && Saisie.ConfirmeForme,
            Forme = Saisie.Forme,
            LangueObligatoire = Saisie.LangueObligatoire ?? "",
            LanguesFacultatives = string.IsNullOrWhiteSpace(Saisie.LangueFacultative) ? [] : [Saisie.LangueFacultative],
            UnitesFacultatives = facultatives,
            UnitesAPasser = Saisie.Forme == FormePassage.Progressive ? [.. aPasser.Distinct(StringComparer.Ordinal).Take(40)] : [],
        }, aller, "examen", annulation);
    }

    private void Preparer()
    {
        var annee = Dossier.Inscription.AcademieSession.Session.Annee;
        var specialites = Verificateur.Catalogue.Specialites
            .Select(s => s.Code).Distinct(StringComparer.Ordinal)
            .Select(code => Verificateur.Catalogue.Trouver(code, annee).Specialite!)
            .OrderBy(s => s.Nom, StringComparer.Create(Examens.Domain.Common.Francais.Culture, false));
        foreach (var s in specialites)
        {
            var incomplet = s.Complete ? "" : " (règlement connu en partie)";
            if (s.Options.Count == 0)
            {
                ChoixSpecialites.Add(($"{s.Code}|", $"{s.Nom} ({s.Code}){incomplet}"));
            }
            else
            {
                ChoixSpecialites.AddRange(s.Options.Select(o => ($"{s.Code}|{o.Code}", $"{s.Nom} ({s.Code}), option {o.Code} – {o.Nom}{incomplet}")));
            }
        }

        SpecialiteChoisie = string.IsNullOrEmpty(Dossier.Donnees.Specialite) ? null : Verificateur.Catalogue.Trouver(Dossier.Donnees.Specialite, annee).Specialite;
        var toutes = Verificateur.Catalogue.Specialites.SelectMany(s => s.Langues.Obligatoires).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        LanguesObligatoires = SpecialiteChoisie is { Langues.Obligatoires.Count: > 0 } ? SpecialiteChoisie.Langues.Obligatoires : toutes;
        var toutesFacultatives = Verificateur.Catalogue.Specialites.SelectMany(s => s.Langues.Facultatives).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        LanguesFacultatives = SpecialiteChoisie is { Langues.Facultatives.Count: > 0 } ? SpecialiteChoisie.Langues.Facultatives : toutesFacultatives;
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[Uu][0-9]{1,2}[A-Za-z0-9]?$")]
    private static partial System.Text.RegularExpressions.Regex CodeUnite();
}
