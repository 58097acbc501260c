namespace Examens.Domain.Regles;

/// <summary>
/// The settings of decisions.md that an exam office can change per session without a code change.
/// Defaults are the decisions' defaults.
/// </summary>
public sealed record ParametresSession
{
    /// <summary>P14, R30, R53: optional units besides engagement étudiant. 2 up to session 2024, 1 from 2025.</summary>
    public required int MaxUnitesFacultatives { get; init; }

    /// <summary>P6, R35: whether an unjustified absence at an optional unit eliminates. Default false.</summary>
    public bool AbsenceFacultativeEliminatoire { get; init; }

    /// <summary>P20: D12 (proof of training) is not required by default.</summary>
    public bool PieceD12Requise { get; init; }

    /// <summary>P20: D13 (exam adjustments file) is not required by default.</summary>
    public bool PieceD13Requise { get; init; }

    /// <summary>P21: paper by default, as in the seed.</summary>
    public ModeConfirmation ModeConfirmation { get; init; } = ModeConfirmation.Papier;

    public static int MaxUnitesFacultativesParDefaut(int anneeSession) => anneeSession <= 2024 ? 2 : 1;

    public static ParametresSession ParDefaut(int anneeSession) =>
        new() { MaxUnitesFacultatives = MaxUnitesFacultativesParDefaut(anneeSession) };
}
