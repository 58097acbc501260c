using Examens.Core.Convocations;
using Examens.Core.Documents.Convocation;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Gestion.Convocations;

/// <summary>
/// A session's convocations (R69): the results announcement printed on the back (R62), the assignment of candidates
/// to centres (automatic batch, one candidate moved by hand), a staff preview of each PDF, and the publication of the
/// whole session in one batch.
/// </summary>
public sealed class ConvocationsModel(
    ExamensDbContext db, AnnoncerResultats annoncer, AffecterCandidats affecter, DeplacerCandidat deplacer,
    PublierConvocations publier, ConstruireConvocation construire) : PageSession(db)
{
    public sealed record LigneCandidat(Guid Id, string Numero, string Nom, string Academie, string CodeAcademie, string? Specialite, string? Option, CentreExamen? Centre);

    public sealed class SaisieAnnonce
    {
        public string? Date { get; set; }
        public string? Heure { get; set; }
        public string? Lieux { get; set; }
    }

    [BindProperty]
    public SaisieAnnonce Annonce { get; set; } = new();

    public IReadOnlyList<LigneCandidat> Candidats { get; private set; } = [];

    public IReadOnlyList<CentreExamen> Centres { get; private set; } = [];

    public AnnonceResultats? AnnonceActuelle { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        if (AnnonceActuelle is { } a)
        {
            Annonce = new SaisieAnnonce { Date = a.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Heure = a.Heure.ToString("HH':'mm", System.Globalization.CultureInfo.InvariantCulture), Lieux = a.Lieux };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAnnonceAsync(CancellationToken annulation)
    {
        ModelState.Clear();
        if (!await ChargerSessionAsync(annulation))
        {
            return NotFound();
        }

        var r = await annoncer.ExecuterAsync(CompteId, Administrateur, Id, SaisieDate.Date(Annonce.Date), SaisieDate.Heure(Annonce.Heure), Annonce.Lieux, Adresse, annulation);
        return await ApresAsync(r.Erreurs, "Date et lieux de publication des résultats enregistrés.", "Annonce.", annulation);
    }

    public async Task<IActionResult> OnPostAffecterAsync(CancellationToken annulation)
    {
        if (!await ChargerSessionAsync(annulation))
        {
            return NotFound();
        }

        var r = await affecter.ExecuterAsync(CompteId, Administrateur, Id, Adresse, annulation);
        var message = r.Reussi
            ? $"{r.Valeur!.Affectes} candidat(s) affecté(s)." + (r.Valeur.SansPlace > 0 ? $" {r.Valeur.SansPlace} candidat(s) sans place : ajoutez un centre ou augmentez une capacité, puis relancez." : "")
            : "";
        return await ApresAsync(r.Erreurs, message, "", annulation);
    }

    public async Task<IActionResult> OnPostDeplacerAsync(Guid inscriptionId, int centreId, CancellationToken annulation)
    {
        if (!await ChargerSessionAsync(annulation))
        {
            return NotFound();
        }

        var r = await deplacer.ExecuterAsync(CompteId, Administrateur, inscriptionId, centreId, Adresse, annulation);
        if (r.Erreurs is [{ Code: "NOT_FOUND" }])
        {
            return NotFound();
        }

        return await ApresAsync([.. r.Erreurs.Select(e => e with { Chemin = e.Chemin is null ? null : $"centre-{inscriptionId}" })],
            r.Reussi ? $"Candidat affecté au centre « {r.Valeur!.Centre.Nom} »." : "", "", annulation);
    }

    public async Task<IActionResult> OnPostPublierAsync(CancellationToken annulation)
    {
        if (!await ChargerSessionAsync(annulation))
        {
            return NotFound();
        }

        var r = await publier.ExecuterAsync(CompteId, Administrateur, Id, Adresse, annulation);
        return await ApresAsync(r.Erreurs,
            r.Reussi ? $"Convocations publiées : {r.Valeur!.Candidats} candidat(s), {r.Valeur.CourrielsEnvoyes} courriel(s) envoyé(s). Les inscriptions sont verrouillées." : "",
            "", annulation);
    }

    /// <summary>The staff preview of one candidate's convocation, before or after publication.</summary>
    public async Task<IActionResult> OnGetPdfAsync(Guid inscriptionId, CancellationToken annulation)
    {
        var inscription = await ChargerInscription.DuPerimetre(Db, CompteId, Administrateur).AsNoTracking()
            .Include(i => i.AcademieSession).ThenInclude(a => a.Session)
            .FirstOrDefaultAsync(i => i.Id == inscriptionId && i.AcademieSession.SessionId == Id && i.Etat == EtatInscription.Soumise, annulation);
        if (inscription is null)
        {
            return NotFound();
        }

        await VersionsCourantes.JoindreAsync(Db, [inscription], annulation);
        var contexte = await construire.ContexteAsync(Id, [inscriptionId], annulation);
        var donnees = construire.Donnees(inscription, contexte);
        if (!donnees.Reussi)
        {
            return await ApresAsync(donnees.Erreurs, "", "", annulation);
        }

        return File(ConvocationPdf.Generer(donnees.Valeur!), "application/pdf", $"convocation-{inscription.Numero}.pdf");
    }

    private async Task<IActionResult> ApresAsync(IReadOnlyList<Examens.Domain.Common.ErreurRegle> erreurs, string message, string prefixe, CancellationToken annulation)
    {
        if (erreurs.Count > 0)
        {
            Erreurs(erreurs.Select(e => e with { Chemin = e.Chemin is null ? null : prefixe.Length == 0 ? e.Chemin : prefixe + char.ToUpperInvariant(e.Chemin[0]) + e.Chemin[1..] }));
            return await ChargerAsync(annulation) ? Page() : NotFound();
        }

        TempData["Message"] = message;
        return Redirect($"/gestion/sessions/{Id}/convocations");
    }

    private async Task<bool> ChargerAsync(CancellationToken annulation)
    {
        if (!await ChargerSessionAsync(annulation))
        {
            return false;
        }

        var codes = Academies.Select(a => a.Code).ToList();
        AnnonceActuelle = await Db.AnnoncesResultats.AsNoTracking().FirstOrDefaultAsync(a => a.SessionId == Id, annulation);
        Centres = await Db.CentresExamen.AsNoTracking().Where(c => c.SessionId == Id && codes.Contains(c.CodeAcademie)).OrderBy(c => c.Nom).ToListAsync(annulation);
        var inscriptions = await Db.Inscriptions.AsNoTracking()
            .Where(i => i.AcademieSession.SessionId == Id && i.Etat == EtatInscription.Soumise && codes.Contains(i.AcademieSession.Code))
            .Select(i => new { i.Id, i.Numero, i.CandidatId, Academie = i.AcademieSession.Nom, Code = i.AcademieSession.Code, i.Specialite, i.Option })
            .ToListAsync(annulation);
        var ids = inscriptions.Select(i => i.Id).ToList();
        var affectations = await Db.AffectationsCentres.AsNoTracking().Where(a => a.Centre.SessionId == Id).ToDictionaryAsync(a => a.InscriptionId, a => a.CentreId, annulation);
        var candidats = inscriptions.Select(i => i.CandidatId).Distinct().ToList();
        var noms = await Db.Users.AsNoTracking().Where(u => candidats.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => $"{u.Nom} {u.Prenoms}", annulation);
        var parId = Centres.ToDictionary(c => c.Id);
        Candidats = [.. inscriptions.OrderBy(i => i.Numero, StringComparer.Ordinal).Select(i => new LigneCandidat(
            i.Id, i.Numero, noms.GetValueOrDefault(i.CandidatId) ?? "", i.Academie, i.Code, i.Specialite, i.Option,
            affectations.TryGetValue(i.Id, out var c) ? parId.GetValueOrDefault(c) : null))];
        return true;
    }
}
