namespace Examens.Domain.Deliberations;

public enum NatureResultat : byte
{
    /// <summary>Sat this session, with a grade.</summary>
    Note,
    AbsenceJustifiee,
    AbsenceNonJustifiee,
    Dispense,
    Benefice,
    Report,

    /// <summary>Not taken yet (progressive form only, R13).</summary>
    EnAttente,
}

/// <summary>What a candidate has for one unit at the deliberation. Note and Obtention apply to the kinds that carry them.</summary>
public readonly record struct ResultatUnite(NatureResultat Nature, decimal Note, DateOnly Obtention)
{
    public static ResultatUnite Presente(decimal note) => new(NatureResultat.Note, note, default);

    public static ResultatUnite Absence(bool justifiee) =>
        new(justifiee ? NatureResultat.AbsenceJustifiee : NatureResultat.AbsenceNonJustifiee, 0m, default);

    public static ResultatUnite Dispense() => new(NatureResultat.Dispense, 0m, default);

    public static ResultatUnite Benefice(decimal note, DateOnly obtention) => new(NatureResultat.Benefice, note, obtention);

    public static ResultatUnite Report(decimal note, DateOnly obtention) => new(NatureResultat.Report, note, obtention);

    public static ResultatUnite EnAttente() => new(NatureResultat.EnAttente, 0m, default);
}

/// <summary>A unit given to the deliberation with its coefficient (catalogue-free, so any speciality works).</summary>
public readonly record struct UniteNotee(string Id, decimal Coefficient, bool Professionnelle, ResultatUnite Resultat);
