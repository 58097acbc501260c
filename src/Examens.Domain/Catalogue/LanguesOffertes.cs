using System.Globalization;

namespace Examens.Domain.Catalogue;

/// <summary>Languages offered for the compulsory and the optional language épreuves (R36).</summary>
public sealed record LanguesOffertes(
    IReadOnlyList<string> Obligatoires,
    IReadOnlyList<string> Facultatives,
    string? Source,
    bool NonConfirmees,
    string? Note)
{
    public static readonly LanguesOffertes Aucune = new([], [], null, true, null);

    /// <summary>Languages are compared without case or accents: "Néerlandais" and "neerlandais" are one language.</summary>
    public static bool Identiques(string a, string b) =>
        CultureInfo.InvariantCulture.CompareInfo.Compare(a.Trim(), b.Trim(),
            CompareOptions.IgnoreCase | CompareOptions.IgnoreNonSpace) == 0;

    public static bool Contient(IReadOnlyList<string> liste, string langue) => liste.Any(l => Identiques(l, langue));
}
