using Examens.Core.Courriels;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Examens.Core.Inscriptions;

/// <summary>
/// An officer accepts or rejects a candidate's current file for one document. A rejection needs a reason (a usual one,
/// a free text, or both), which the candidate reads on their documents page and in the e-mail they receive. One trail
/// entry per decision: who, when, state before and after, the reason, from which address.
/// </summary>
public sealed partial class ExaminerPiece(ExamensDbContext db, IEnvoiCourriel courriels, TimeProvider horloge, ILogger<ExaminerPiece> journal, VerifierBrouillon verificateur)
{
    public sealed record Examinee(PieceDeposee Piece, bool CourrielEnvoye);

    public async Task<ResultatOperation<Examinee>> ExecuterAsync(
        string acteurId, bool administrateur, Guid inscriptionId, Guid pieceId, EtatPiece decision, string? motifUsuel, string? precision, string? adresse,
        CancellationToken annulation)
    {
        var inscription = await ChargerInscription.DuPersonnelAsync(db, acteurId, administrateur, inscriptionId, annulation).ConfigureAwait(false);
        var piece = inscription?.Pieces.FirstOrDefault(p => p.Id == pieceId);
        if (inscription is null || piece is null)
        {
            return ResultatOperation.Echec<Examinee>(new ErreurRegle("", "NOT_FOUND", "Pièce introuvable.", null));
        }

        if (!piece.Courante)
        {
            return ResultatOperation.Echec<Examinee>(new ErreurRegle("", "FILE_REPLACED",
                $"Le candidat a remplacé ce fichier de la pièce {piece.Piece} : examinez le nouveau.", null));
        }

        if (decision is not (EtatPiece.Acceptee or EtatPiece.Refusee))
        {
            return ResultatOperation.Echec<Examinee>(new ErreurRegle("", "DECISION_INVALID", "Choisissez d'accepter ou de refuser la pièce.", null));
        }

        var motif = string.Join(" : ", new[] { motifUsuel, precision }.Where(m => !string.IsNullOrWhiteSpace(m)).Select(m => m!.Trim()));
        if (decision == EtatPiece.Refusee && motif.Length == 0)
        {
            return ResultatOperation.Echec<Examinee>(new ErreurRegle("", "REASON_REQUIRED",
                "Un refus doit être motivé : choisissez un motif usuel ou écrivez-le (le candidat le lira).", "motif"));
        }

        if (Validation.TexteLibre.Probleme(motif, "Le motif") is { } probleme)
        {
            return ResultatOperation.Echec<Examinee>(new ErreurRegle("", "REASON_INVALID", probleme, "motif"));
        }

        if (motif.Length > 1000)
        {
            return ResultatOperation.Echec<Examinee>(new ErreurRegle("", "REASON_TOO_LONG", "Le motif est trop long (1 000 caractères au plus).", "motif"));
        }

        var avant = Decrire(piece);
        piece.Etat = decision;
        piece.MotifRefus = decision == EtatPiece.Refusee ? motif : null;
        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = horloge.GetUtcNow().UtcDateTime,
            Acteur = acteurId,
            Action = "piece.examinee",
            Cible = $"inscription:{inscription.Id}",
            Avant = avant,
            Apres = Decrire(piece),
            Motif = piece.MotifRefus,
            Adresse = adresse,
        });
        var candidat = await db.Users.FirstOrDefaultAsync(u => u.Id == inscription.CandidatId, annulation).ConfigureAwait(false);
        if (candidat is not null)
        {
            SuiviPieces.Actualiser(inscription, candidat, verificateur, horloge.GetUtcNow());
        }

        await db.SaveChangesAsync(annulation).ConfigureAwait(false);

        var envoye = candidat?.Email is { } courriel && await EnvoyerAsync(Courriel(courriel, inscription, piece), annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(new Examinee(piece, envoye));
    }

    private static string Decrire(PieceDeposee p) => $"{p.Piece} « {p.NomAffiche} » : {p.Etat}";

    private static Courriel Courriel(string adresse, Inscription inscription, PieceDeposee piece)
    {
        var academie = inscription.AcademieSession;
        var limite = TimeZoneInfo.ConvertTime(DelaiDesPieces.DateLimite(academie.Fenetre, academie.DateLimitePieces), academie.FuseauHoraire).DateTime;
        var decision = piece.Etat == EtatPiece.Acceptee
            ? "a été acceptée par le service des examens. Vous n'avez rien d'autre à faire pour cette pièce."
            : $"""
              a été refusée par le service des examens.

              Motif : {piece.MotifRefus}

              Vous pouvez déposer un nouveau fichier pour cette pièce, depuis la page « Pièces justificatives » de votre
              inscription, jusqu'au {Francais.DateHeure(limite)} (heure de {academie.Fuseau}).
              """;
        return new Courriel(adresse, $"Pièce {piece.Piece} {(piece.Etat == EtatPiece.Acceptee ? "acceptée" : "refusée")} – inscription {inscription.Numero}", $"""
            Bonjour,

            Votre pièce {piece.Piece} (fichier « {piece.NomAffiche} ») de l'inscription {inscription.Numero} {decision}

            Le service des examens
            """);
    }

    private async Task<bool> EnvoyerAsync(Courriel courriel, CancellationToken annulation)
    {
        try
        {
            await courriels.EnvoyerAsync(courriel, annulation).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // the decision is saved; the officer is told the mail could not leave.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            JournalEchec(journal, e.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Courriel d'examen de pièce non envoyé ({Erreur}).")]
    private static partial void JournalEchec(ILogger journal, string erreur);
}
