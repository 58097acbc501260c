using System.Globalization;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Examens.Web.Gestion;
using Examens.Web.Pages.Candidat.Inscription;
using Microsoft.AspNetCore.Mvc;

namespace Examens.Web.Pages.Gestion;

/// <summary>
/// An officer changes the earlier grades after the close, with a reason (P22): the candidate's "Notes" lines and
/// checks (NotesModel.Lire), then the rules engine and a new version authored by the officer.
/// </summary>
public sealed class ModifierNotesModel(ExamensDbContext db, VerifierBrouillon verificateur, TimeProvider horloge, ModifierInscriptionGestionnaire modifier)
    : PageModificationDossier(db, verificateur, horloge, modifier)
{
    [BindProperty]
    public List<NotesModel.Ligne> Lignes { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        Lignes = [.. Donnees.NotesAnterieures.Select(n => new NotesModel.Ligne
        {
            Unite = n.Unite,
            Note = n.Note.ToString("0.##", Examens.Domain.Common.Francais.Culture),
            Obtention = n.Obtention.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            Choix = n.Choix,
            RenoncementConfirme = n.RenoncementConfirme,
        })];
        AjouterLigneVide();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        // Grades this product holds keep their own date and origin (P1, D3), as on the candidate's page.
        var detenues = string.IsNullOrEmpty(Donnees.Specialite) ? [] : await NotesDetenues.ChargerAsync(
            Db, Inscription.CandidatId, Inscription.Id, Donnees.Specialite, Inscription.AcademieSession.Session.DateDeliberation, Donnees.Forme,
            Horloge.GetUtcNow(), annulation);
        var notes = NotesModel.Lire(Lignes, Unites, detenues, Donnees.NotesAnterieures, DateOnly.FromDateTime(Horloge.GetUtcNow().UtcDateTime), true, ModelState);
        var resultat = await EnregistrerAsync(d => d with { NotesAnterieures = notes }, annulation);
        AjouterLigneVide();
        return resultat;
    }

    private void AjouterLigneVide()
    {
        if (Lignes.Count < 40 && Lignes.All(l => !string.IsNullOrWhiteSpace(l.Unite)))
        {
            Lignes.Add(new NotesModel.Ligne());
        }
    }
}
