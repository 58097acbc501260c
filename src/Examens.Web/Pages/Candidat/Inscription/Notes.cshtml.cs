using System.Globalization;
using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
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
        Preparer();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? aller, CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        Preparer();
        var notes = new List<NoteDeclaree>();
        for (var i = 0; i < Math.Min(Lignes.Count, 40); i++)
        {
            var l = Lignes[i];
            if (string.IsNullOrWhiteSpace(l.Unite) && string.IsNullOrWhiteSpace(l.Note) && string.IsNullOrWhiteSpace(l.Obtention))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(l.Unite) || Unites.All(u => u.Id != l.Unite))
            {
                ModelState.AddModelError($"Lignes[{i}].Unite", $"Note {i + 1} : choisissez l'unité dans la liste.");
            }

            if (!NoteSaisie.Lire(l.Note, out var note))
            {
                ModelState.AddModelError($"Lignes[{i}].Note", $"Note {i + 1} : la note est un nombre entre 0 et 20, avec au plus deux décimales (par exemple 12,5).");
            }

            if (!DateOnly.TryParseExact((l.Obtention ?? "").Trim(), ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var obtention))
            {
                ModelState.AddModelError($"Lignes[{i}].Obtention", $"Note {i + 1} : cette date n'existe pas ou n'est pas au format jj/mm/aaaa.");
            }
            else if (obtention > DateOnly.FromDateTime(Horloge.GetUtcNow().UtcDateTime) || obtention.Year < 1960)
            {
                // A grade obtained in the future, or before the BTS existed in its current form, is a typing error.
                ModelState.AddModelError($"Lignes[{i}].Obtention", $"Note {i + 1} : la date d'obtention ne peut être ni dans le futur ni antérieure à 1960.");
            }

            if (!Enum.IsDefined(l.Choix))
            {
                ModelState.AddModelError($"Lignes[{i}].Choix", $"Note {i + 1} : choisissez conserver, reporter ou renoncer.");
            }

            var precedente = Dossier.Donnees.NotesAnterieures.FirstOrDefault(n => n.Unite == l.Unite);
            notes.Add(new NoteDeclaree
            {
                Unite = l.Unite ?? "",
                Note = note,
                Obtention = obtention,
                Choix = l.Choix,
                // The confirmation holds only for the renunciation it was given for (R17).
                RenoncementConfirme = l.Choix == ChoixNote.Renoncement && l.RenoncementConfirme && precedente is { Choix: ChoixNote.Renoncement },
            });
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        return await EnregistrerAsync(d => d with { NotesAnterieures = notes }, aller, "notes", annulation);
    }

    private void Preparer()
    {
        var d = Dossier.Donnees;
        var specialite = string.IsNullOrEmpty(d.Specialite) ? null : Verificateur.Catalogue.Trouver(d.Specialite, Dossier.Inscription.AcademieSession.Session.Annee).Specialite;
        Unites = specialite?.UnitesObligatoires(d.Option).ToList() ?? [];
        if (Lignes.Count == 0 || Lignes.All(l => !string.IsNullOrWhiteSpace(l.Unite)))
        {
            Lignes.Add(new Ligne());
        }
    }
}
