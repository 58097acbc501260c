using Examens.Domain.Deliberations;
using Examens.Domain.Regles;

namespace Examens.Core.Resultats;

/// <summary>One unit of a candidate's computation, as the jury page and the relevé de notes show it.</summary>
/// <param name="Points">Grade × coefficient when the unit counts; for an optional unit, the bonus it adds (P5).</param>
/// <param name="SessionOrigine">For a kept or carried grade: the session it comes from.</param>
/// <param name="ValableJusquau">Last deliberation date the grade may be used at (P1), when it can be kept or carried.</param>
public sealed record LigneResultat(
    string Unite,
    string Intitule,
    bool Facultative,
    bool Professionnelle,
    StatutUnite Statut,
    decimal? Note,
    decimal Coefficient,
    decimal? Points,
    bool Comptee,
    bool Acquise,
    DateOnly? ObtenueLe,
    string? SessionOrigine,
    DateOnly? ValableJusquau,
    bool Modifiee);

/// <summary>A candidate's deliberation, line by line, with the rule that decided it (R37–R45, P1–P11).</summary>
public sealed record DetailResultat
{
    public required Guid InscriptionId { get; init; }

    public required string Numero { get; init; }

    public required string CandidatId { get; init; }

    public required int SessionId { get; init; }

    public required string Session { get; init; }

    public required string Academie { get; init; }

    public required DateOnly DateDeliberation { get; init; }

    public required string Specialite { get; init; }

    public string? Option { get; init; }

    public required FormePassage Forme { get; init; }

    public required IReadOnlyList<LigneResultat> Lignes { get; init; }

    /// <summary>The engine's outcome alone.</summary>
    public required ResultatDeliberation Calcule { get; init; }

    /// <summary>The outcome once the jury's decision is applied (the same as <see cref="Calcule"/> without one).</summary>
    public required ResultatDeliberation Final { get; init; }

    public DecisionJury? Jury { get; init; }

    /// <summary>Why this decision, citing the rules, one sentence per line.</summary>
    public required IReadOnlyList<string> Regles { get; init; }

    /// <summary>Units of 10 or more the candidate keeps (R22, R66): the attestation of a deferred candidate.</summary>
    public IEnumerable<LigneResultat> UnitesAcquises => Lignes.Where(l => l.Acquise && !l.Facultative);
}
