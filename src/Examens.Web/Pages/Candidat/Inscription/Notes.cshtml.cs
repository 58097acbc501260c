using System.Globalization;
using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Examens.Domain.Catalogue;
using Examens.Domain.Inscriptions;
using Examens.Web.Comptes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Candidat.Inscription;

public sealed class NotesModel(ExamensDbContext db, UserManager<Compte> comptes, VerifierBrouillon verificateur, TimeProvider horloge)
    : PageInscription(db, comptes, verificateur, horloge)
{
    public sealed class Ligne
    {
        public string? Unite { get; set; }

        public string? Note { get; set; }

        public string? Obtention { get; set; }

        public ChoixNote Choix { get; set; } = ChoixNote.Benefice;

        public bool RenoncementConfirme { get; set; }
    }

    [BindProperty]
    public List<Ligne> Lignes { get; set; } = [];

    public IReadOnlyList<Unite> Unites { get; private set; } = [];

    /// <summary>The grades this product holds from the candidate's earlier sessions (offered, or shown as expired).</summary>
    public IReadOnlyList<NoteDetenue> Detenues { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        Lignes = [.. Dossier.Donnees.NotesAnterieures.Select(n => new Ligne
        {
            Unite = n.Unite,
            Note = n.Note.ToString("0.##", Examens.Domain.Common.Francais.Culture),
            Obtention = n.Obtention.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            Choix = n.Choix,
            RenoncementConfirme = n.RenoncementConfirme,
        })];
        await PreparerAsync(annulation);
        return Page();
    }

    /// <summary>Takes the chosen held grades into the draft as kept (≥ 10) or carried (< 10) grades, with no relevé to upload (D3).</summary>
    public async Task<IActionResult> OnPostReprendreAsync(string[]? reprises, CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        await PreparerAsync(annulation);
        var choisies = Detenues.Where(n => n.Offerte && (reprises ?? []).Contains(n.Unite, StringComparer.OrdinalIgnoreCase)).ToList();
        if (choisies.Count == 0)
        {
            ModelState.AddModelError(string.Empty, "Cochez au moins une note à conserver.");
            return Page();
        }

        return await EnregistrerAsync(d => d with
        {
            NotesAnterieures =
            [
                .. d.NotesAnterieures.Where(n => choisies.All(c => !string.Equals(c.Unite, n.Unite, StringComparison.OrdinalIgnoreCase))),
                .. choisies.Select(c => new NoteDeclaree
                {
                    Unite = c.Unite,
                    Note = c.Note,
                    Obtention = c.Obtention,
                    Choix = c.Choix,
                    DetenueParExamens = true,
                    SessionOrigine = c.SessionOrigine,
                }),
            ],
        }, "notes", "notes", annulation);
    }

    public async Task<IActionResult> OnPostAsync(string? aller, CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        await PreparerAsync(annulation);
        var notes = Lire(Lignes, Unites, Detenues, Dossier.Donnees.NotesAnterieures, DateOnly.FromDateTime(Horloge.GetUtcNow().UtcDateTime), false, ModelState);
        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await EnregistrerAsync(d => d with { NotesAnterieures = notes }, aller, "notes", annulation);
    }

    /// <summary>
    /// Reads the typed lines into grades, adding a French error per field to <paramref name="etat"/>; shared with the
    /// officer's edit after the close (P22), where the officer acting on the candidate's written request confirms a
    /// renunciation (R17) by recording it.
    /// </summary>
    public static List<NoteDeclaree> Lire(
        IList<Ligne> lignes, IReadOnlyList<Unite> unites, IReadOnlyList<NoteDetenue> detenues, IReadOnlyList<NoteDeclaree> precedentes,
        DateOnly aujourdhui, bool confirmeParGestionnaire, Microsoft.AspNetCore.Mvc.ModelBinding.ModelStateDictionary etat)
    {
        ArgumentNullException.ThrowIfNull(lignes);
        ArgumentNullException.ThrowIfNull(unites);
        ArgumentNullException.ThrowIfNull(detenues);
        ArgumentNullException.ThrowIfNull(precedentes);
        ArgumentNullException.ThrowIfNull(etat);
        var notes = new List<NoteDeclaree>();
        for (var i = 0; i < Math.Min(lignes.Count, 40); i++)
        {
            var l = lignes[i];
            if (string.IsNullOrWhiteSpace(l.Unite) && string.IsNullOrWhiteSpace(l.Note) && string.IsNullOrWhiteSpace(l.Obtention))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(l.Unite) || unites.All(u => u.Id != l.Unite))
            {
                etat.AddModelError($"Lignes[{i}].Unite", $"Note {i + 1} : choisissez l'unité dans la liste.");
            }

            if (!NoteSaisie.Lire(l.Note, out var note))
            {
                etat.AddModelError($"Lignes[{i}].Note", $"Note {i + 1} : la note est un nombre entre 0 et 20, avec au plus deux décimales (par exemple 12,5).");
            }

            if (!DateOnly.TryParseExact((l.Obtention ?? "").Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var obtention))
            {
                etat.AddModelError($"Lignes[{i}].Obtention", $"Note {i + 1} : cette date n'existe pas ou n'est pas au format jj/mm/aaaa.");
            }
            else if ((obtention > aujourdhui || obtention.Year < 1960)
                && !detenues.Any(n => n.Offerte && n.Unite == l.Unite && n.Obtention == obtention))
            {
                // A grade this product holds is dated by its own session (P1), not typed: only typed dates are checked.
                // A grade obtained in the future, or before the BTS existed in its current form, is a typing error.
                etat.AddModelError($"Lignes[{i}].Obtention", $"Note {i + 1} : la date d'obtention ne peut être ni dans le futur ni antérieure à 1960.");
            }

            if (!Enum.IsDefined(l.Choix))
            {
                etat.AddModelError($"Lignes[{i}].Choix", $"Note {i + 1} : choisissez conserver, reporter ou renoncer.");
            }

            var precedente = precedentes.FirstOrDefault(n => n.Unite == l.Unite);
            // Held by this product only when it is exactly a grade offered here: the form cannot claim it (D3).
            var detenue = detenues.FirstOrDefault(n => n.Offerte && n.Unite == l.Unite && n.Note == note && n.Obtention == obtention);
            notes.Add(new NoteDeclaree
            {
                Unite = l.Unite ?? "",
                Note = note,
                Obtention = obtention,
                Choix = l.Choix,
                // The confirmation holds only for the renunciation it was given for (R17).
                RenoncementConfirme = l.Choix == ChoixNote.Renoncement && (confirmeParGestionnaire || (l.RenoncementConfirme && precedente is { Choix: ChoixNote.Renoncement })),
                DetenueParExamens = detenue is not null,
                SessionOrigine = detenue?.SessionOrigine,
            });
        }

        return notes;
    }

    private async Task PreparerAsync(CancellationToken annulation)
    {
        var d = Dossier.Donnees;
        var session = Dossier.Inscription.AcademieSession.Session;
        Detenues = string.IsNullOrEmpty(d.Specialite) ? [] : await NotesDetenues.ChargerAsync(
            Db, CandidatId, Dossier.Inscription.Id, d.Specialite, session.DateDeliberation, d.Forme, Horloge.GetUtcNow(), annulation);
        var specialite = string.IsNullOrEmpty(d.Specialite) ? null : Verificateur.Catalogue.Trouver(d.Specialite, Dossier.Inscription.AcademieSession.Session.Annee).Specialite;
        Unites = specialite?.UnitesObligatoires(d.Option).ToList() ?? [];
        if (Lignes.Count == 0 || Lignes.All(l => !string.IsNullOrWhiteSpace(l.Unite)))
        {
            Lignes.Add(new Ligne());
        }
    }
}
