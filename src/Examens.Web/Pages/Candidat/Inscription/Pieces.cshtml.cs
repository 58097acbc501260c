using Examens.Core.Comptes;
using Examens.Core.Documents;
using Examens.Core.Documents.Chiffrement;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Pieces;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Examens.Web.Pages.Candidat.Inscription;

public sealed class PiecesModel(
    ExamensDbContext db, UserManager<Compte> comptes, VerifierBrouillon verificateur, TimeProvider horloge,
    DeposerPiece deposer, IStockageDocuments stockage, IOptions<OptionsPieces> options)
    : PageInscription(db, comptes, verificateur, horloge)
{
    public long TailleMaxMo => options.Value.TailleMaximale / (1024 * 1024);

    public string Taille(long octets) => octets >= 1024 * 1024
        ? $"{(octets / (1024.0 * 1024)).ToString("0.0", Examens.Domain.Common.Francais.Culture)} Mo"
        : $"{Math.Max(1, octets / 1024)} Ko";

    public async Task<IActionResult> OnGetAsync(CancellationToken annulation) =>
        await ChargerAsync(annulation) ? Page() : NotFound();

    public async Task<IActionResult> OnPostDeposerAsync(string? piece, IFormFile? fichier, CancellationToken annulation)
    {
        if (!Enum.TryParse<PieceJustificative>(piece, out var quelle) || !Enum.IsDefined(quelle))
        {
            ModelState.AddModelError(string.Empty, "Pièce inconnue.");
            return await ChargerAsync(annulation) ? Page() : NotFound();
        }

        if (fichier is null || fichier.Length == 0)
        {
            ModelState.AddModelError(string.Empty, $"{quelle} : choisissez un fichier non vide.");
            return await ChargerAsync(annulation) ? Page() : NotFound();
        }

        // The use case reads what it needs and is scoped to the candidate: the page is loaded only to show a refusal.
        await using var flux = fichier.OpenReadStream();
        var resultat = await deposer.ExecuterAsync(CandidatId, Id, quelle, flux, fichier.FileName, annulation, HttpContext.Connection.RemoteIpAddress?.ToString());
        if (!resultat.Reussi)
        {
            if (resultat.Erreurs.Any(e => e.Code == DeposerPiece.Introuvable.Code))
            {
                return NotFound();
            }

            foreach (var e in resultat.Erreurs)
            {
                ModelState.AddModelError(string.Empty, $"{quelle} : {e.Message}");
            }

            Db.ChangeTracker.Clear();
            return await ChargerAsync(annulation) ? Page() : NotFound();
        }

        TempData["Message"] = $"{quelle} : fichier « {resultat.Valeur!.NomAffiche} » bien reçu.";
        return Redirect($"/candidat/inscriptions/{Id}/pieces#piece-{quelle}");
    }

    /// <summary>The candidate's own file, served only as an attachment (never rendered inline).</summary>
    public async Task<IActionResult> OnGetTelechargerAsync(Guid pieceId, CancellationToken annulation)
    {
        if (!await ChargerAsync(annulation))
        {
            return NotFound();
        }

        var piece = Dossier.Inscription.Pieces.FirstOrDefault(p => p.Id == pieceId);
        Stream? flux;
        try
        {
            flux = piece is null ? null : await stockage.OuvrirAsync(piece.Empreinte, annulation);
        }
        catch (DocumentIllisibleException e)
        {
            ModelState.AddModelError(string.Empty, $"{piece!.Piece} : {e.Message}");
            Response.StatusCode = StatusCodes.Status500InternalServerError;
            return Page();
        }

        if (piece is null || flux is null)
        {
            return NotFound();
        }

        var type = piece.Type switch
        {
            TypeFichier.Pdf => "application/pdf",
            TypeFichier.Jpeg => "image/jpeg",
            TypeFichier.Png => "image/png",
        };
        return File(flux, type, piece.NomAffiche);
    }
}
