using Examens.Core.Comptes;
using Examens.Domain.Inscriptions;
using Examens.Domain.Pieces;
using Examens.Domain.Regles;

namespace Examens.Core.Inscriptions;

/// <summary>One document of the checklist with where it stands (missing, received, accepted, rejected with the reason).</summary>
public sealed record LignePiece(PieceDemandee Demande, PieceDeposee? Courante)
{
    public string Etat => Courante switch
    {
        null => "manquante",
        { Etat: EtatPiece.Recue } => "reçue, en attente de vérification",
        { Etat: EtatPiece.Acceptee } => "acceptée",
        { Etat: EtatPiece.Refusee } => "refusée",
        _ => "",
    };
}

/// <summary>
/// Where a registration stands, computed by the engine from the draft: errors still to fix, the plan, the documents
/// and their state, the window and the deadlines.
/// </summary>
public sealed record EtatDossier(
    Inscription Inscription,
    DonneesInscription Donnees,
    VerificationInscription Verification,
    IReadOnlyList<LignePiece> Pieces,
    PositionDansFenetre Position,
    bool PiecesOuvertes,
    DateTime DateLimitePiecesLocale)
{
    public bool BrouillonModifieDepuisSoumission { get; init; }

    /// <summary>Complete: submitted, and every required document accepted.</summary>
    public bool Complet => Inscription.Etat == EtatInscription.Soumise && Pieces.All(p => p.Courante?.Etat == EtatPiece.Acceptee);

    public static EtatDossier Construire(Inscription inscription, Compte compte, VerifierBrouillon verificateur, DateTimeOffset maintenant)
    {
        ArgumentNullException.ThrowIfNull(inscription);
        ArgumentNullException.ThrowIfNull(verificateur);
        var donnees = SerialisationInscription.LireBrouillon(inscription.Brouillon);
        return Construire(inscription, donnees, verificateur.Verifier(compte, inscription.AcademieSession, donnees, maintenant), maintenant);
    }

    /// <summary>The same, from the draft and the engine's answer the caller already has (a submission asks the engine once).</summary>
    public static EtatDossier Construire(Inscription inscription, DonneesInscription donnees, VerificationInscription verification, DateTimeOffset maintenant)
    {
        ArgumentNullException.ThrowIfNull(inscription);
        ArgumentNullException.ThrowIfNull(verification);
        var academie = inscription.AcademieSession;
        var pieces = verification.Pieces
            .Select(p => new LignePiece(p, inscription.Pieces.Where(x => x.Piece == p.Piece && x.Courante).OrderByDescending(x => x.DeposeeLeUtc).FirstOrDefault()))
            .ToList();
        var limite = DelaiDesPieces.DateLimite(academie.Fenetre, academie.DateLimitePieces);
        var derniere = inscription.Versions.OrderByDescending(v => v.Numero).FirstOrDefault();
        var modifie = DiffereDe(donnees, derniere);
        return new EtatDossier(inscription, donnees, verification, pieces, academie.Fenetre.Position(maintenant),
            DelaiDesPieces.PeutDeposer(maintenant, academie.Fenetre, academie.DateLimitePieces) && !academie.Session.ConvocationsPubliees,
            TimeZoneInfo.ConvertTime(limite, academie.FuseauHoraire).DateTime)
        {
            BrouillonModifieDepuisSoumission = modifie && inscription.Etat == EtatInscription.Soumise,
        };
    }

    /// <summary>The draft is not what the version holds (false when there is no version).</summary>
    public static bool DiffereDe(DonneesInscription brouillon, VersionInscription? version) =>
        // Records holding lists compare lists by reference: compare the stored forms instead.
        version is not null && SerialisationInscription.Ecrire(brouillon) != SerialisationInscription.Ecrire(Relire(version));

    private static DonneesInscription? Relire(VersionInscription v) =>
        System.Text.Json.JsonSerializer.Deserialize<ContenuVersion>(v.Contenu, SerialisationInscription.Options)?.Donnees;
}
