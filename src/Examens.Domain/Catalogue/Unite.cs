namespace Examens.Domain.Catalogue;

/// <summary>
/// An épreuve or sous-épreuve of a speciality's règlement. A sub-unit is a unit of its own (R4, R18); a parent
/// épreuve that is not a unit (<see cref="EstUnite"/> false) is neither sat nor kept.
/// </summary>
public sealed record Unite
{
    public required string Id { get; init; }

    public required string Nom { get; init; }

    /// <summary>The épreuve this sub-unit belongs to (R4), or null.</summary>
    public string? Parent { get; init; }

    public bool EstUnite { get; init; } = true;

    /// <summary>Unité facultative: only the points above 10 count (R31).</summary>
    public bool Facultative { get; init; }

    /// <summary>Null when no text gives it.</summary>
    public decimal? Coefficient { get; init; }

    /// <summary>R72: épreuve professionnelle (used by R43, P9). Null when unknown.</summary>
    public bool? Professionnelle { get; init; }

    /// <summary>P18, R23, R25: can be exempted for a national diploma of level 5 or more.</summary>
    public bool Dispensable { get; init; }

    /// <summary>A modern-language épreuve (compulsory LV or optional LV).</summary>
    public bool Langue { get; init; }

    /// <summary>The engagement étudiant unit (D643-15-1), outside the R30 limit.</summary>
    public bool EngagementEtudiant { get; init; }

    /// <summary>Null: every option of the speciality; else the option codes it belongs to.</summary>
    public IReadOnlyList<string>? Options { get; init; }

    /// <summary>Exam form for individual and distance candidates (R47).</summary>
    public string? Forme { get; init; }

    /// <summary>Source of each value, by field name.</summary>
    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    /// <summary>The fields whose value no primary text confirms; shown to officers.</summary>
    public IReadOnlyList<string> NonConfirme { get; init; } = [];

    public string? Note { get; init; }

    public bool ConcerneOption(string? option) =>
        Options is null || (option is not null && Options.Contains(option, StringComparer.OrdinalIgnoreCase));
}
