namespace Examens.Domain.Deliberations;

/// <summary>R37–R39, R45 (no mention, P11): the jury's decision. Incomplet: a progressive candidate with units still to take.</summary>
public enum Decision : byte
{
    Admis,
    Ajourne,
    Elimine,
    Incomplet,
}

public enum StatutUnite : byte
{
    Presente,
    AbsentJustifie,
    AbsentNonJustifie,
    Dispense,
    Benefice,
    Report,
    EnAttente,
}

/// <summary>One unit after the deliberation.</summary>
/// <param name="Comptee">Enters the points (for an optional unit: adds a bonus).</param>
/// <param name="Acquise">Grade of 10 or more: the unit can be kept later (R7, R15).</param>
/// <param name="ValableJusquau">Last deliberation date at which the grade may still be used (P1), or null.</param>
public readonly record struct UniteDeliberee(StatutUnite Statut, decimal? Note, bool Comptee, bool Acquise, DateOnly? ValableJusquau);

/// <param name="Moyenne">Exact average (P7: never rounded before the decision); null when incomplete or nothing counts.</param>
/// <param name="Points">Σ grade × coefficient over the compulsory units that count, bonus excluded.</param>
/// <param name="Coefficients">Σ coefficients of the compulsory units that count (P4: exempted units are left out).</param>
/// <param name="BonusFacultatif">P5: Σ max(0, grade − 10) × coefficient of the optional units.</param>
/// <param name="EpreuvesDeControle">P9, R43: may take the épreuves de contrôle.</param>
public readonly record struct ResultatDeliberation(
    Decision Decision,
    decimal? Moyenne,
    decimal Points,
    decimal Coefficients,
    decimal BonusFacultatif,
    bool EpreuvesDeControle,
    decimal? MoyenneProfessionnelle);

/// <summary>P6: whether an unjustified absence at an optional unit eliminates (default false).</summary>
public readonly record struct ParametresDeliberation(bool AbsenceFacultativeEliminatoire);
