using Examens.Core.Comptes;
using Examens.Core.Documents;
using Examens.Core.Documents.Journal;
using Examens.Core.Exports;
using Examens.Core.Documents.Chiffrement;
using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Examens.Web.Gestion;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Pages.Gestion;

/// <summary>
/// One file for an officer: identity, versions side by side, documents (opened in the browser or downloaded, each
/// access in the trail), their review, setting aside and reinstating, the trail and its export for an appeal.
/// Outside the officer's scope every handler answers 404.
/// </summary>
public sealed class DossierModel(
    ExamensDbContext db, VerifierBrouillon verificateur, TimeProvider horloge, IStockageDocuments stockage, ExaminerPiece examiner, EcarterInscription ecarter)
    : PageGestion
{
    /// <summary>What a browser may do with a candidate's file shown inline: nothing but display it (no script, no form, no plugin).</summary>
    public const string PolitiqueDocument = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; object-src 'self'; frame-ancestors 'self'";

    public sealed record LigneJournal(DateTime InstantUtc, string Acteur, string Action, string? Avant, string? Apres, string? Motif, string? Adresse);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true, Name = "v1")]
    public int? VersionA { get; set; }

    [BindProperty(SupportsGet = true, Name = "v2")]
    public int? VersionB { get; set; }

    public EtatDossier Dossier { get; private set; } = null!;

    public Compte Candidat { get; private set; } = null!;

    public VersionInscription? DerniereVersion { get; private set; }

    public IReadOnlyList<VersionInscription> Versions { get; private set; } = [];

    public IReadOnlyList<ChampsInscription.Difference> Comparaison { get; private set; } = [];

    public IReadOnlyDictionary<string, string> Auteurs { get; private set; } = new Dictionary<string, string>();

    public IReadOnlyList<PieceDeposee> Remplacees { get; private set; } = [];

    public IReadOnlyList<LigneJournal> Journal { get; private set; } = [];

    /// <summary>Why an officer cannot change the registration now (window still open, convocations…), or null.</summary>
    public string? RefusModification { get; private set; }

    public bool ConvocationsPubliees => Dossier.Inscription.AcademieSession.Session.ConvocationsPubliees;

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation)
    {
        // A version number the address mangled (?v1=abc) falls back to the default comparison: nothing to save, no error box.
        ModelState.Clear();
        return await ChargerAsync(annulation) ? Page() : NotFound();
    }

    /// <summary>A candidate's file shown in the browser (a new tab): its own type, sandboxed, never sniffed; the access is in the trail.</summary>
    public Task<IActionResult> OnGetVoirAsync(Guid pieceId, CancellationToken annulation) => ServirAsync(pieceId, enLigne: true, annulation);

    /// <summary>The same file as a download.</summary>
    public Task<IActionResult> OnGetPieceAsync(Guid pieceId, CancellationToken annulation) => ServirAsync(pieceId, enLigne: false, annulation);

    private async Task<IActionResult> ServirAsync(Guid pieceId, bool enLigne, CancellationToken annulation)
    {
        var inscription = await ChargerInscription.DuPersonnelAsync(db, CompteId, Administrateur, Id, annulation);
        var piece = inscription?.Pieces.FirstOrDefault(p => p.Id == pieceId);
        Stream? flux;
        try
        {
            flux = piece is null ? null : await stockage.OuvrirAsync(piece.Empreinte, annulation);
        }
        catch (DocumentIllisibleException e)
        {
            ModelState.AddModelError(string.Empty, $"{piece!.Piece} « {piece.NomAffiche} » : {e.Message}");
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            return await ChargerAsync(annulation) ? Page() : NotFound();
        }

        if (inscription is null || piece is null || flux is null)
        {
            return NotFound();
        }

        TraceInscription.Ajouter(db, horloge.GetUtcNow(), CompteId, "piece.consultee", TraceInscription.Cible(inscription.Id), null,
            $"{piece.Piece} « {piece.NomAffiche} » ({(enLigne ? "ouverte dans le navigateur" : "téléchargée")})", null, Adresse);
        await db.SaveChangesAsync(annulation);
        Response.Headers.XContentTypeOptions = "nosniff";
        Response.Headers.CacheControl = "no-store";
        var type = piece.Type switch
        {
            TypeFichier.Pdf => "application/pdf",
            TypeFichier.Jpeg => "image/jpeg",
            TypeFichier.Png => "image/png",
        };
        if (!enLigne)
        {
            return File(flux, type, piece.NomAffiche);
        }

        Response.Headers.ContentSecurityPolicy = PolitiqueDocument;
        Response.Headers.XFrameOptions = "SAMEORIGIN";
        var disposition = new System.Net.Http.Headers.ContentDispositionHeaderValue("inline") { FileNameStar = piece.NomAffiche };
        Response.Headers.ContentDisposition = disposition.ToString();
        return File(flux, type);
    }

    public async Task<IActionResult> OnPostExaminerAsync(Guid pieceId, EtatPiece decision, string? motifUsuel, string? precision, CancellationToken annulation)
    {
        var resultat = await examiner.ExecuterAsync(CompteId, Administrateur, Id, pieceId, decision, motifUsuel, precision, Adresse, annulation);
        if (resultat.Erreurs is [{ Code: "NOT_FOUND" }])
        {
            return NotFound();
        }

        if (!resultat.Reussi)
        {
            return await ErreursAsync(resultat.Erreurs, annulation);
        }

        var piece = resultat.Valeur!.Piece;
        TempData["Message"] = $"Pièce {piece.Piece} {(piece.Etat == EtatPiece.Acceptee ? "acceptée" : "refusée")}. "
            + (resultat.Valeur.CourrielEnvoye ? "Le candidat est prévenu par courriel." : "Le courriel au candidat n'a pas pu partir : il verra la décision sur sa page.");
        return Redirect($"/gestion/dossiers/{Id}#piece-{piece.Piece}");
    }

    public Task<IActionResult> OnPostEcarterAsync(string? motif, CancellationToken annulation) => DeciderAsync(true, motif, annulation);

    public Task<IActionResult> OnPostReintegrerAsync(string? motif, CancellationToken annulation) => DeciderAsync(false, motif, annulation);

    private async Task<IActionResult> DeciderAsync(bool ecarte, string? motif, CancellationToken annulation)
    {
        var resultat = await ecarter.ExecuterAsync(CompteId, Administrateur, Id, ecarte, motif, Adresse, annulation);
        if (resultat.Erreurs is [{ Code: "NOT_FOUND" }])
        {
            return NotFound();
        }

        if (!resultat.Reussi)
        {
            return await ErreursAsync(resultat.Erreurs, annulation);
        }

        TempData["Message"] = $"Inscription {(ecarte ? "écartée" : "réintégrée")}. "
            + (resultat.Valeur!.CourrielEnvoye ? "Le candidat est prévenu par courriel." : "Le courriel au candidat n'a pas pu partir : il verra la décision dans son espace.");
        return Redirect($"/gestion/dossiers/{Id}");
    }

    /// <summary>The file's trail for an appeal, as a spreadsheet (UTF-8 with BOM, semicolons, French headers).</summary>
    public async Task<IActionResult> OnGetJournalCsvAsync(CancellationToken annulation)
    {
        var (inscription, lignes) = await ExporterAsync("csv", annulation);
        if (inscription is null)
        {
            return NotFound();
        }

        var csv = Csv.Ecrire([["Date et heure (heure locale)", "Qui", "Action", "Avant", "Après", "Motif", "Adresse"],
            .. lignes.Select(l => (IReadOnlyList<string?>)[l.Quand, l.Qui, l.Action, l.Avant, l.Apres, l.Motif, l.Adresse])]);
        return File(csv, "text/csv; charset=utf-8", $"journal-{inscription.Numero}.csv");
    }

    /// <summary>The same trail as a PDF (embedded fonts).</summary>
    public async Task<IActionResult> OnGetJournalPdfAsync(CancellationToken annulation)
    {
        var (inscription, lignes) = await ExporterAsync("pdf", annulation);
        if (inscription is null)
        {
            return NotFound();
        }

        var a = inscription.AcademieSession;
        var pdf = JournalDossierPdf.Generer(inscription.Numero, $"{a.Session.Libelle} – {a.Nom} – heures locales ({a.Fuseau})",
            $"Édité le {Local(horloge.GetUtcNow().UtcDateTime, a.FuseauHoraire)}", lignes);
        return File(pdf, "application/pdf", $"journal-{inscription.Numero}.pdf");
    }

    private async Task<(Inscription? Inscription, IReadOnlyList<JournalDossierPdf.Ligne> Lignes)> ExporterAsync(string format, CancellationToken annulation)
    {
        var inscription = await ChargerInscription.DuPersonnelAsync(db, CompteId, Administrateur, Id, annulation);
        if (inscription is null)
        {
            return (null, []);
        }

        // The export itself is an access to personal data: written first, so it is in what is exported.
        TraceInscription.Ajouter(db, horloge.GetUtcNow(), CompteId, "journal.exporte", TraceInscription.Cible(inscription.Id), null, format.ToUpperInvariant(), null, Adresse);
        await db.SaveChangesAsync(annulation);
        var entrees = await JournalDossier.LireAsync(db, inscription, annulation);
        var noms = await NomsAsync(entrees, inscription.CandidatId, annulation);
        var fuseau = inscription.AcademieSession.FuseauHoraire;
        return (inscription, [.. entrees.Select(e => new JournalDossierPdf.Ligne(
            Local(e.InstantUtc, fuseau), noms.GetValueOrDefault(e.ActeurId, e.ActeurId), e.Libelle, e.Avant, e.Apres, e.Motif, e.Adresse))]);
    }

    private async Task<Dictionary<string, string>> NomsAsync(IEnumerable<JournalDossier.Entree> entrees, string candidatId, CancellationToken annulation)
    {
        var acteurs = entrees.Select(e => e.ActeurId).Append(candidatId).Distinct().ToList();
        var noms = await db.Users.Where(u => acteurs.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, annulation);
        if (noms.TryGetValue(candidatId, out var courriel))
        {
            noms[candidatId] = $"le candidat ({courriel})";
        }

        return noms;
    }

    private async Task<IActionResult> ErreursAsync(IEnumerable<ErreurRegle> erreurs, CancellationToken annulation)
    {
        foreach (var e in erreurs)
        {
            ModelState.AddModelError(e.Chemin is "motif" ? "motif" : string.Empty, e.Message);
        }

        return await ChargerAsync(annulation) ? Page() : NotFound();
    }

    private async Task<bool> ChargerAsync(CancellationToken annulation)
    {
        var inscription = await ChargerInscription.DuPersonnelAsync(db, CompteId, Administrateur, Id, annulation);
        var candidat = inscription is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == inscription.CandidatId, annulation);
        if (inscription is null || candidat is null)
        {
            return false;
        }

        var maintenant = horloge.GetUtcNow();
        Candidat = candidat;
        Dossier = EtatDossier.Construire(inscription, candidat, verificateur, maintenant);
        Versions = [.. inscription.Versions.OrderBy(v => v.Numero)];
        DerniereVersion = Versions.Count > 0 ? Versions[^1] : null;
        Remplacees = [.. inscription.Pieces.Where(p => !p.Courante).OrderBy(p => p.Piece).ThenBy(p => p.DeposeeLeUtc)];
        RefusModification = ModifierInscriptionGestionnaire.Refus(inscription, maintenant, null)?.Message;
        Comparer();
        var entrees = await JournalDossier.LireAsync(db, inscription, annulation);
        var noms = await NomsAsync(entrees.Concat(Versions.Where(v => v.AuteurGestionnaire is not null)
            .Select(v => new JournalDossier.Entree(v.SoumiseLeUtc, v.AuteurGestionnaire!, "", null, null, null, null))), inscription.CandidatId, annulation);
        Auteurs = noms;
        Journal = [.. entrees.Select(e => new LigneJournal(e.InstantUtc, noms.GetValueOrDefault(e.ActeurId, e.ActeurId), e.Libelle, e.Avant, e.Apres, e.Motif, e.Adresse))];
        return true;
    }

    /// <summary>Two versions field by field: by default the one before the latest and the latest.</summary>
    private void Comparer()
    {
        if (Versions.Count == 0)
        {
            return;
        }

        var b = Versions.FirstOrDefault(v => v.Numero == VersionB) ?? Versions[^1];
        var a = Versions.FirstOrDefault(v => v.Numero == VersionA) ?? (Versions.Count > 1 ? Versions[^2] : b);
        (VersionA, VersionB) = (a.Numero, b.Numero);
        Comparaison = ChampsInscription.Comparer(
            ChampsInscription.Relire(a) is { } ca ? ChampsInscription.Lister(ca) : [],
            ChampsInscription.Relire(b) is { } cb ? ChampsInscription.Lister(cb) : []);
    }

    public string Auteur(VersionInscription v) => v.AuteurGestionnaire is { } id
        ? $"le service des examens ({Auteurs.GetValueOrDefault(id, id)})"
        : "le candidat";

    public string Local(DateTime utc) => Local(utc, Dossier.Inscription.AcademieSession.FuseauHoraire);

    private static string Local(DateTime utc, TimeZoneInfo fuseau) =>
        Francais.DateHeure(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), fuseau));
}
