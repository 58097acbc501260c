namespace Examens.Domain.Pieces;

/// <summary>The document table of bts-rules.md §8.</summary>
public enum PieceJustificative
{
    D1 = 1,
    D2,
    D3,
    D4,
    D5,
    D6,
    D7,
    D8,
    D9,
    D10,
    D11,
    D12,
    D13,
}

/// <summary>A document the candidate must upload, with its items when it is made of several (D6) or one of several (D8).</summary>
public sealed record PieceDemandee(PieceJustificative Piece, string Libelle, IReadOnlyList<string>? Elements);
