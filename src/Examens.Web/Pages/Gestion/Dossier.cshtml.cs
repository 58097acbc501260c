using Examens.Core.Comptes;
using Examens.Core.Documents;
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
/// One file for an officer: identity, latest version, documents (each opened as a download, each opening in the
/// trail), the review of each current document, and the file's trail. Outside the officer's scope: 404.
/// </summary>
public sealed class DossierModel(
    ExamensDbContext db, VerifierBrouillon verificateur, TimeProvider horloge, IStockageDocuments stockage, ExaminerPiece examiner) : PageGestion
{
    public sealed record LigneJournal(DateTime InstantUtc, string Acteur, string Action, string? Avant, string? Apres, string? Motif, string? Adresse);

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public EtatDossier Dossier { get; private set; } = null!;

    public Compte Candidat { get; private set; } = null!;

    public VersionInscription? DerniereVersion { get; private set; }

    public IReadOnlyList<PieceDeposee> Remplacees { get; private set; } = [];

    public IReadOnlyList<LigneJournal> Journal { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation) =>
        await ChargerAsync(annulation) ? Page() : NotFound();

    /// <summary>A candidate's file, as a download only (never shown inline), and the access written in the trail.</summary>
    public async Task<IActionResult> OnGetPieceAsync(Guid pieceId, CancellationToken annulation)
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

        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = horloge.GetUtcNow().UtcDateTime,
            Acteur = CompteId,
            Action = "piece.consultee",
            Cible = $"inscription:{inscription.Id}",
            Apres = $"{piece.Piece} « {piece.NomAffiche} »",
            Adresse = Adresse,
        });
        await db.SaveChangesAsync(annulation);
        Response.Headers.XContentTypeOptions = "nosniff";
        var type = piece.Type switch
        {
            TypeFichier.Pdf => "application/pdf",
            TypeFichier.Jpeg => "image/jpeg",
            TypeFichier.Png => "image/png",
        };
        return File(flux, type, piece.NomAffiche);
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
            foreach (var e in resultat.Erreurs)
            {
                ModelState.AddModelError(string.Empty, e.Message);
            }

            return await ChargerAsync(annulation) ? Page() : NotFound();
        }

        var piece = resultat.Valeur!.Piece;
        TempData["Message"] = $"Pièce {piece.Piece} {(piece.Etat == EtatPiece.Acceptee ? "acceptée" : "refusée")}. "
            + (resultat.Valeur.CourrielEnvoye ? "Le candidat est prévenu par courriel." : "Le courriel au candidat n'a pas pu partir : il verra la décision sur sa page.");
        return Redirect($"/gestion/dossiers/{Id}#piece-{piece.Piece}");
    }

    private async Task<bool> ChargerAsync(CancellationToken annulation)
    {
        var inscription = await ChargerInscription.DuPersonnelAsync(db, CompteId, Administrateur, Id, annulation);
        var candidat = inscription is null ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == inscription.CandidatId, annulation);
        if (inscription is null || candidat is null)
        {
            return false;
        }

        Candidat = candidat;
        Dossier = EtatDossier.Construire(inscription, candidat, verificateur, horloge.GetUtcNow());
        DerniereVersion = inscription.Versions.OrderByDescending(v => v.Numero).FirstOrDefault();
        Remplacees = [.. inscription.Pieces.Where(p => !p.Courante).OrderBy(p => p.Piece).ThenBy(p => p.DeposeeLeUtc)];
        var cible = $"inscription:{inscription.Id}";
        var entrees = await db.Journal.Where(e => e.Cible == cible).OrderBy(e => e.InstantUtc).ThenBy(e => e.Id).ToListAsync(annulation);
        var acteurs = entrees.Select(e => e.Acteur).Distinct().ToList();
        var noms = await db.Users.Where(u => acteurs.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email ?? u.Id, annulation);
        Journal = [.. entrees.Select(e => new LigneJournal(e.InstantUtc, noms.GetValueOrDefault(e.Acteur, e.Acteur), e.Action, e.Avant, e.Apres, e.Motif, e.Adresse))];
        return true;
    }

    public string Local(DateTime utc) =>
        Francais.DateHeure(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Dossier.Inscription.AcademieSession.FuseauHoraire));
}
