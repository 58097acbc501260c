namespace Examens.Core.Exports;

/// <summary>How a list of registrations is grouped: one group per speciality, per speciality and option, per form, per language.</summary>
public enum TypeListe
{
    Specialite,
    Option,
    Forme,
    Langue,
}

public static class TypesListe
{
    public static string Libelle(TypeListe type) => type switch
    {
        TypeListe.Specialite => "par spécialité",
        TypeListe.Option => "par option",
        TypeListe.Forme => "par forme de passage",
        TypeListe.Langue => "par langue vivante",
        _ => type.ToString(),
    };

    /// <summary>The heading of the grouping column, in the CSV and the PDF.</summary>
    public static string Colonne(TypeListe type) => type switch
    {
        TypeListe.Specialite => "Spécialité",
        TypeListe.Option => "Spécialité et option",
        TypeListe.Forme => "Forme de passage",
        TypeListe.Langue => "Langue vivante",
        _ => type.ToString(),
    };

    /// <summary>The file name's word, without accents: "specialite", "option", "forme", "langue".</summary>
    public static string Fichier(TypeListe type) => type.ToString().ToLowerInvariant();
}
