using System.Globalization;

namespace Examens.Core.Exports;

/// <summary>A list as CSV for a French spreadsheet (see <see cref="Csv"/>): the group first, then one row per registration of the group.</summary>
public static class ListeCsv
{
    public static IReadOnlyList<string> Entetes(TypeListe type) =>
    [
        TypesListe.Colonne(type), "Numéro", "Nom", "Prénoms", "Date de naissance", "Spécialité", "Option", "Forme de passage",
        "Langue obligatoire", "Langues facultatives", "Soumise le (heure locale)",
    ];

    public static byte[] Ecrire(ListeInscriptions liste)
    {
        ArgumentNullException.ThrowIfNull(liste);
        var lignes = new List<IReadOnlyList<string?>> { Entetes(liste.Type) };
        lignes.AddRange(liste.Lignes.Select(l => (IReadOnlyList<string?>)
        [
            l.Groupe, l.Numero, l.Nom, l.Prenoms, l.DateNaissance?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), l.Specialite, l.Option,
            l.Forme, l.LangueObligatoire, l.LanguesFacultatives, l.SoumiseLeLocale.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture),
        ]));
        return Csv.Ecrire(lignes);
    }
}
