using Examens.Core.Convocations;
using Examens.Core.Inscriptions;
using Examens.Core.Notes;
using Examens.Core.Persistance;
using Examens.Core.Resultats;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Gestion.Notes;

/// <summary>
/// Grade entry by an officer for one centre and one unit (saisie 1 or saisie 2), the import of a centre's CSV file,
/// and the taking over of kept, carried and exempted units. The other keying's values are never shown: the two
/// keyings are blind, so a typing error shows as a mismatch.
/// </summary>
public sealed class NotesModel(
    ExamensDbContext db, VerifierBrouillon verificateur, EnregistrerSaisies enregistrer, ImporterNotes importer, ReprendreNotesAcquises reprendre) : PageSession(db)
{
    public sealed class LigneSaisie
    {
        public Guid InscriptionId { get; set; }
        public string? Note { get; set; }
        public string? Absence { get; set; }
    }

    public sealed record Candidat(Guid Id, string Numero, string Nom, string? Validee, string? MaSaisie);

    [BindProperty(SupportsGet = true)]
    public int? Centre { get; set; }

    /// <summary>"SPECIALITE|UNITE", e.g. "MS|U31".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Epreuve { get; set; }

    [BindProperty(SupportsGet = true)]
    public int Saisie { get; set; } = 1;

    [BindProperty]
    public List<LigneSaisie> Lignes { get; set; } = [];

    public IReadOnlyList<CentreExamen> Centres { get; private set; } = [];

    public IReadOnlyList<HoraireEpreuve> Epreuves { get; private set; } = [];

    public IReadOnlyList<Candidat> Candidats { get; private set; } = [];

    public int Ecarts { get; private set; }

    public string? Unite => Epreuve?.Split('|') is [_, var u] ? u : null;

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        // A centre or keying the address mangled (?centre=abc) is ignored: the page asks to choose, no error box.
        ModelState.Clear();
        return await ChargerAsync(annulation) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostSaisirAsync(CancellationToken annulation)
    {
        ModelState.Clear();
        if (!await ChargerAsync(annulation) || Unite is null)
        {
            return NotFound();
        }

        var demandes = new List<SaisieDemandee>();
        var numeros = Candidats.ToDictionary(c => c.Id, c => c.Numero);
        for (var i = 0; i < Lignes.Count; i++)
        {
            var l = Lignes[i];
            if (string.IsNullOrWhiteSpace(l.Note) && string.IsNullOrWhiteSpace(l.Absence))
            {
                continue;
            }

            var numero = numeros.GetValueOrDefault(l.InscriptionId) ?? "?";
            var (valeur, erreur) = LectureNote.Lire(l.Note, l.Absence);
            if (erreur is not null)
            {
                ModelState.AddModelError($"Lignes[{i}].Note", $"Candidat {numero} : {erreur}");
                continue;
            }

            demandes.Add(new SaisieDemandee($"Candidat {numero}", l.InscriptionId, Unite, valeur!.Value));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var r = await enregistrer.ExecuterAsync(CompteId, Administrateur, Saisie, OrigineSaisie.Manuelle, demandes, Adresse, null, annulation);
        if (!r.Reussi)
        {
            foreach (var e in r.Erreurs)
            {
                var index = Lignes.FindIndex(l => e.Chemin == $"Candidat {numeros.GetValueOrDefault(l.InscriptionId)}");
                ModelState.AddModelError(index < 0 ? string.Empty : $"Lignes[{index}].Note", e.Message);
            }

            return Page();
        }

        TempData["Message"] = Bilan(r.Valeur!);
        return Redirect(Retour());
    }

    public async Task<IActionResult> OnPostImporterAsync(IFormFile? fichier, CancellationToken annulation)
    {
        ModelState.Clear();
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        if (fichier is null || fichier.Length == 0)
        {
            ModelState.AddModelError("fichier", "Choisissez le fichier CSV des notes du centre.");
            return Page();
        }

        if (fichier.Length > FichierNotesCsv.TailleMaximale)
        {
            ModelState.AddModelError("fichier", $"Le fichier dépasse {FichierNotesCsv.TailleMaximale / 1024 / 1024} Mo.");
            return Page();
        }

        using var flux = new MemoryStream();
        await fichier.CopyToAsync(flux, annulation);
        var r = await importer.ExecuterAsync(CompteId, Administrateur, Saisie, flux.ToArray(), Adresse, null, annulation);
        if (!r.Reussi)
        {
            ModelState.AddModelError("fichier", $"Fichier refusé, aucune note enregistrée : {r.Erreurs.Count} problème(s).");
            foreach (var e in r.Erreurs)
            {
                ModelState.AddModelError(string.Empty, e.Message);
            }

            return Page();
        }

        TempData["Message"] = $"Fichier importé en saisie {Saisie}. " + Bilan(r.Valeur!);
        return Redirect(Retour());
    }

    public async Task<IActionResult> OnPostReprendreAsync(CancellationToken annulation)
    {
        ModelState.Clear();
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        var r = await reprendre.ExecuterAsync(CompteId, Administrateur, Id, Adresse, annulation);
        if (!r.Reussi)
        {
            Erreurs(r.Erreurs);
            return Page();
        }

        TempData["Message"] = $"{r.Valeur!.Ajoutees} bénéfice(s), report(s) et dispense(s) repris des inscriptions ({r.Valeur.Inscriptions} inscription(s)).";
        return Redirect(Retour());
    }

    private static string Bilan(EnregistrerSaisies.Bilan b) =>
        $"{b.Enregistrees} saisie(s) enregistrée(s), {b.Inchangees} inchangée(s) ; {b.Validees} note(s) validée(s) par deux saisies concordantes ; {b.Ecarts} écart(s) à trancher.";

    private string Retour() =>
        $"/gestion/sessions/{Id}/notes?centre={Centre}&epreuve={Uri.EscapeDataString(Epreuve ?? "")}&saisie={Saisie}";

    private async Task<bool> ChargerAsync(CancellationToken annulation)
    {
        if (!await ChargerSessionAsync(annulation))
        {
            return false;
        }

        Saisie = Saisie is 2 ? 2 : 1;
        var codes = Academies.Select(a => a.Code).ToList();
        Centres = await Db.CentresExamen.AsNoTracking().Where(c => c.SessionId == Id && codes.Contains(c.CodeAcademie)).OrderBy(c => c.Nom).ToListAsync(annulation);
        Epreuves = [.. (await Db.HorairesEpreuves.AsNoTracking().Where(h => h.SessionId == Id).ToListAsync(annulation))
            .OrderBy(h => h.Specialite, StringComparer.Ordinal).ThenBy(h => h.Unite, StringComparer.Ordinal)];
        var inscriptionsSession = ChargerInscription.DuPerimetre(Db, CompteId, Administrateur).Where(i => i.AcademieSession.SessionId == Id);
        Ecarts = await Db.SaisiesNotes.Where(s => s.Numero == 1 && inscriptionsSession.Any(i => i.Id == s.InscriptionId))
            .Where(s => Db.SaisiesNotes.Any(t => t.InscriptionId == s.InscriptionId && t.Unite == s.Unite && t.Numero == 2 && (t.Nature != s.Nature || t.Note != s.Note)))
            .Where(s => !Db.NotesUnites.Any(n => n.InscriptionId == s.InscriptionId && n.Unite == s.Unite))
            .CountAsync(annulation);
        if (Centre is not { } centreId || Epreuve?.Split('|') is not [var specialite, var unite] || !Centres.Any(c => c.Id == centreId))
        {
            return true;
        }

        var inscriptions = await ChargerInscription.DuPerimetre(Db, CompteId, Administrateur).AsNoTracking()
            .Where(i => i.Etat == EtatInscription.Soumise && i.Specialite == specialite && Db.AffectationsCentres.Any(a => a.InscriptionId == i.Id && a.CentreId == centreId))
            .Include(i => i.AcademieSession).ThenInclude(a => a.Session)
            .OrderBy(i => i.Numero)
            .ToListAsync(annulation);
        await VersionsCourantes.JoindreAsync(Db, inscriptions, annulation);
        var concernees = inscriptions.Where(i => PlanSession.Etablir(i, verificateur)?.AuProgramme.Any(u => u.Code == unite) == true).ToList();
        var ids = concernees.Select(i => i.Id).ToList();
        var validees = await Db.NotesUnites.AsNoTracking().Where(n => ids.Contains(n.InscriptionId) && n.Unite == unite).ToDictionaryAsync(n => n.InscriptionId, annulation);
        var miennes = await Db.SaisiesNotes.AsNoTracking().Where(s => ids.Contains(s.InscriptionId) && s.Unite == unite && s.Numero == Saisie && s.Acteur == CompteId)
            .ToDictionaryAsync(s => s.InscriptionId, annulation);
        var candidats = concernees.Select(i => i.CandidatId).Distinct().ToList();
        var noms = await Db.Users.AsNoTracking().Where(u => candidats.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => $"{u.Nom} {u.Prenoms}", annulation);
        Candidats = [.. concernees.Select(i => new Candidat(i.Id, i.Numero, noms.GetValueOrDefault(i.CandidatId) ?? "",
            validees.TryGetValue(i.Id, out var v) ? EnregistrerSaisies.Texte(v) : null,
            miennes.TryGetValue(i.Id, out var m) ? new ValeurSaisie(m.Nature, m.Note).Texte : null))];
        if (Lignes.Count == 0)
        {
            Lignes = [.. Candidats.Select(c => new LigneSaisie { InscriptionId = c.Id })];
        }

        return true;
    }
}
