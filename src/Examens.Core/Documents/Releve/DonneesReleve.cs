namespace Examens.Core.Documents.Releve;

/// <summary>One line of the relevé: a unit with its grade or status, and where a kept grade comes from (R64).</summary>
/// <param name="NoteOuStatut">"12,5/20", "Absent(e) – justifié", "Dispensé(e)"…</param>
/// <param name="Observation">For a kept or carried grade: its session and the last date it may be used (P1).</param>
public sealed record LigneReleve(string Code, string Intitule, string Coefficient, string NoteOuStatut, string Observation);

/// <summary>A unit passed (10 or more) on the attestation of a deferred candidate (R22, R66).</summary>
public sealed record UniteAcquise(string Code, string Intitule, string Note, string ValableJusquau);

/// <summary>What the relevé de notes prints: texts ready to draw, so the PDF does no rule work.</summary>
public sealed record DonneesReleve
{
    public required string Session { get; init; }

    public required string Academie { get; init; }

    public required string NumeroInscription { get; init; }

    public required string Nom { get; init; }

    public required string Prenoms { get; init; }

    public required string NeLe { get; init; }

    public required string Specialite { get; init; }

    public string? Option { get; init; }

    public required string Forme { get; init; }

    public required IReadOnlyList<LigneReleve> Unites { get; init; }

    public IReadOnlyList<LigneReleve> UnitesFacultatives { get; init; } = [];

    public required string Decision { get; init; }

    public required string Moyenne { get; init; }

    /// <summary>Points, bonus, jury points: one line each.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];

    public required string DateDeliberation { get; init; }

    public required string EditeLe { get; init; }

    /// <summary>Non-empty for a deferred or incomplete candidate with units passed: printed as the attestation.</summary>
    public IReadOnlyList<UniteAcquise> Attestation { get; init; } = [];
}
