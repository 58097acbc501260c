using Examens.Core.Documents;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Core.Telemetrie;
using Examens.Domain.Common;
using Examens.Domain.Pieces;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Examens.Core.Inscriptions;

/// <summary>
/// One file for one document, on its own request: checked by content (PDF, JPEG, PNG), size-limited while it is read,
/// stored by content hash, then recorded. A failed upload changes nothing else. Until the documents deadline (P13) a
/// new file replaces the current one, which stays in the history.
/// </summary>
public sealed class DeposerPiece(
    ExamensDbContext db, IStockageDocuments stockage, VerifierBrouillon verificateur, TimeProvider horloge, IOptions<OptionsPieces> options,
    MesuresExamens mesures)
{
    public async Task<ResultatOperation<PieceDeposee>> ExecuterAsync(
        string candidatId, Guid inscriptionId, PieceJustificative piece, Stream contenu, string nomFichier, CancellationToken annulation, string? adresse = null)
    {
        var resultat = await TraiterAsync(candidatId, inscriptionId, piece, contenu, nomFichier, adresse, annulation).ConfigureAwait(false);
        mesures.Depot(resultat.Reussi ? resultat.Valeur!.Taille : null);
        return resultat;
    }

    private async Task<ResultatOperation<PieceDeposee>> TraiterAsync(
        string candidatId, Guid inscriptionId, PieceJustificative piece, Stream contenu, string nomFichier, string? adresse, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(contenu);
        // What the checks need, in one query: the academy and session, the account, the current documents (not the versions).
        var inscription = await db.Inscriptions
            .Include(i => i.AcademieSession).ThenInclude(a => a.Session)
            .Include(i => i.Candidat)
            .Include(i => i.Pieces.Where(p => p.Courante))
            .FirstOrDefaultAsync(i => i.Id == inscriptionId && i.CandidatId == candidatId, annulation).ConfigureAwait(false);
        var compte = inscription?.Candidat;
        if (inscription is null || compte is null)
        {
            return ResultatOperation.Echec<PieceDeposee>(Introuvable);
        }

        var maintenant = horloge.GetUtcNow();
        var academie = inscription.AcademieSession;
        if (academie.Session.ConvocationsPubliees || !DelaiDesPieces.PeutDeposer(maintenant, academie.Fenetre, academie.DateLimitePieces))
        {
            var limite = TimeZoneInfo.ConvertTime(DelaiDesPieces.DateLimite(academie.Fenetre, academie.DateLimitePieces), academie.FuseauHoraire).DateTime;
            return ResultatOperation.Echec<PieceDeposee>(new ErreurRegle("P13", "DOCUMENTS_DEADLINE_PASSED",
                $"Le dépôt des pièces était possible jusqu'au {Francais.DateHeure(limite)} (heure locale de l'académie) : il est clos.", "fichier"));
        }

        var donnees = SerialisationInscription.LireBrouillon(inscription.Brouillon);
        var verification = verificateur.Verifier(compte, academie, donnees, maintenant);
        if (verification.Pieces.All(p => p.Piece != piece))
        {
            return ResultatOperation.Echec<PieceDeposee>(new ErreurRegle("D1", "DOCUMENT_NOT_REQUESTED",
                $"La pièce {piece} n'est pas demandée pour votre inscription telle qu'elle est remplie.", "fichier"));
        }

        var recu = await ReceptionFichier.RecevoirAsync(contenu, stockage, options.Value, annulation).ConfigureAwait(false);
        if (!recu.Accepte)
        {
            return ResultatOperation.Echec<PieceDeposee>(new ErreurRegle(piece.ToString(), "FILE_REFUSED", recu.Erreur!, "fichier"));
        }

        var remplacees = inscription.Pieces.Where(p => p.Piece == piece && p.Courante).ToList();
        foreach (var ancienne in remplacees)
        {
            ancienne.Courante = false;
        }

        var deposee = new PieceDeposee
        {
            Id = Guid.NewGuid(),
            InscriptionId = inscription.Id,
            Piece = piece,
            Empreinte = recu.Stocke!.Empreinte,
            Type = recu.Type!.Value,
            Taille = recu.Stocke.Taille,
            NomAffiche = NomAffichable(nomFichier),
            DeposeeLeUtc = maintenant.UtcDateTime,
        };
        db.PiecesDeposees.Add(deposee);
        TraceInscription.Ajouter(db, maintenant, candidatId, remplacees.Count == 0 ? "piece.deposee" : "piece.remplacee", TraceInscription.Cible(inscription.Id),
            remplacees.Count == 0 ? null : string.Join("\n", remplacees.Select(r => $"{r.Piece} « {r.NomAffiche} » : {r.Etat}")),
            $"{piece} « {deposee.NomAffiche} » : {deposee.Etat} ({deposee.Type}, {deposee.Taille} octets, SHA-256 {deposee.Empreinte})", null, adresse);
        // Fix-up put the new file in the registration's list: the checklist sees it (the engine's answer is the one above).
        SuiviPieces.Actualiser(inscription, EtatDossier.Construire(inscription, donnees, verification, maintenant));
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(deposee);
    }

    public static readonly ErreurRegle Introuvable = new("", "NOT_FOUND", "Inscription introuvable.", null);

    /// <summary>The file's name is shown to people only: path parts, control and bidi characters are removed.</summary>
    public static string NomAffichable(string? nom)
    {
        var simple = Path.GetFileName((nom ?? "").Replace('\\', '/'));
        var propre = new string([.. simple.Where(c => !char.IsControl(c) && c is not (>= '\u202A' and <= '\u202E') and not (>= '\u2066' and <= '\u2069'))]).Trim();
        if (propre.Length == 0)
        {
            return "document";
        }

        return propre.Length <= 120 ? propre : propre[..120];
    }
}
