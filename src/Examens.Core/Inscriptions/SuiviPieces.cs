using Examens.Core.Comptes;

namespace Examens.Core.Inscriptions;

/// <summary>
/// Keeps the registration's document columns (complete, missing, rejected) in step with the engine's checklist (D1–D13
/// of TableDesPieces for this registration), so the officers' list filters thousands of files in the database. Called
/// by every use case that changes the draft, a version, a document or the state, in the same save.
/// </summary>
public static class SuiviPieces
{
    /// <summary>The engine's codes that depend on the instant or on the account, not on the draft: left out of <see cref="Inscription.PointsACorriger"/>.</summary>
    private static readonly HashSet<string> HorsBrouillon = new(StringComparer.Ordinal) { "SUBMITTED_BEFORE_OPENING", "SUBMITTED_AFTER_CLOSING", "IDENTITY_INCOMPLETE" };

    public static void Actualiser(Inscription inscription, Compte compte, VerifierBrouillon verificateur, DateTimeOffset maintenant)
    {
        ArgumentNullException.ThrowIfNull(inscription);
        Actualiser(inscription, EtatDossier.Construire(inscription, compte, verificateur, maintenant));
    }

    /// <summary>The same from a state already built (the caller asked the engine once).</summary>
    public static void Actualiser(Inscription inscription, EtatDossier dossier)
    {
        ArgumentNullException.ThrowIfNull(inscription);
        ArgumentNullException.ThrowIfNull(dossier);
        inscription.PointsACorriger = dossier.Verification.Erreurs.Count(e => !HorsBrouillon.Contains(e.Code));
        inscription.Complet = dossier.Complet;
        inscription.PiecesManquantes = Codes(dossier.Pieces.Where(p => p.Courante is null));
        inscription.PiecesRefusees = Codes(dossier.Pieces.Where(p => p.Courante?.Etat == EtatPiece.Refusee));
    }

    /// <summary>"|D2|D5|", or "" when none: a LIKE '%|D5|%' finds D5 exactly (never D15).</summary>
    public static string Codes(IEnumerable<LignePiece> pieces) =>
        pieces.Any() ? $"|{string.Join("|", pieces.Select(p => p.Demande.Piece.ToString()))}|" : "";

    public static string Motif(Domain.Pieces.PieceJustificative piece) => $"|{piece}|";
}
