namespace Examens.Core.Exports;

/// <summary>One row of a list: a submitted registration (its latest version) in one group.</summary>
public sealed record LigneListe(
    string Groupe,
    string Numero,
    string Nom,
    string Prenoms,
    DateOnly? DateNaissance,
    string Specialite,
    string? Option,
    string Forme,
    string LangueObligatoire,
    string LanguesFacultatives,
    DateTime SoumiseLeLocale);

/// <summary>A list ready to write as CSV or PDF: which academy, how it is grouped, when it was made (academy's local time).</summary>
public sealed record ListeInscriptions(
    TypeListe Type,
    string Session,
    string CodeAcademie,
    string Academie,
    string Fuseau,
    DateTime GenereeLeLocale,
    IReadOnlyList<LigneListe> Lignes)
{
    public string Titre => $"Inscriptions {TypesListe.Libelle(Type)} – {Academie}";

    public string NomFichier(string extension) => $"inscriptions-{CodeAcademie.ToLowerInvariant()}-{TypesListe.Fichier(Type)}.{extension}";
}
