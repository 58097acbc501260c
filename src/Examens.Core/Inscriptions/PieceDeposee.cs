using Examens.Core.Documents;
using Examens.Domain.Pieces;

namespace Examens.Core.Inscriptions;

public enum EtatPiece
{
    Recue,
    Acceptee,
    Refusee,
}

/// <summary>
/// One uploaded file for one document of the table. A replaced file stays in the history (not current) so nothing is
/// lost; the file itself lives in the document store under its content hash.
/// </summary>
public sealed class PieceDeposee
{
    public Guid Id { get; set; }

    public Guid InscriptionId { get; set; }

    public PieceJustificative Piece { get; set; }

    public string Empreinte { get; set; } = "";

    public TypeFichier Type { get; set; }

    public long Taille { get; set; }

    /// <summary>The name the candidate's file had, for display only; never used as a path.</summary>
    public string NomAffiche { get; set; } = "";

    public DateTime DeposeeLeUtc { get; set; }

    public EtatPiece Etat { get; set; } = EtatPiece.Recue;

    public string? MotifRefus { get; set; }

    public bool Courante { get; set; } = true;
}
