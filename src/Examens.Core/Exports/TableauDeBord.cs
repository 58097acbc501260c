namespace Examens.Core.Exports;

/// <summary>One figure of the dashboard: a label and how many.</summary>
public sealed record Effectif(string Libelle, int Nombre);

/// <summary>The first submissions of one local day of the window.</summary>
public sealed record SoumissionsDuJour(DateOnly Jour, int Nombre);

/// <summary>
/// The figures of the dashboard for the academies chosen: registrations by status, submitted files complete or not,
/// submitted registrations by speciality and by form, and first submissions per day of the window.
/// </summary>
public sealed record TableauDeBord(
    IReadOnlyList<Effectif> ParEtat,
    int Complets,
    int Incomplets,
    IReadOnlyList<Effectif> ParSpecialite,
    IReadOnlyList<Effectif> ParForme,
    IReadOnlyList<SoumissionsDuJour> ParJour)
{
    public int Total => ParEtat.Sum(e => e.Nombre);
}
