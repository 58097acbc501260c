using System.Globalization;
using System.Text;

namespace Examens.Web.Gestion;

/// <summary>
/// Accent- and case-insensitive comparison for the files search, done in .NET: SQLite has no accent folding and
/// PostgreSQL's unaccent is an extension not always installed, so the same code answers on both.
/// </summary>
public static class RechercheDossiers
{
    public static string Normaliser(string? texte)
    {
        if (string.IsNullOrWhiteSpace(texte))
        {
            return "";
        }

        var decompose = texte.Trim().Normalize(NormalizationForm.FormD);
        var sortie = new StringBuilder(decompose.Length);
        foreach (var c in decompose)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sortie.Append(char.ToUpperInvariant(c));
            }
        }

        return sortie.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>By number, or by name in either order ("Lefèvre Élodie" or "elodie lefevre"), or by part of either.</summary>
    public static bool Correspond(string? recherche, string numero, string nom, string prenoms)
    {
        var cherche = Normaliser(recherche);
        return cherche.Length == 0
            || Normaliser(numero).Contains(cherche, StringComparison.Ordinal)
            || Normaliser($"{nom} {prenoms}").Contains(cherche, StringComparison.Ordinal)
            || Normaliser($"{prenoms} {nom}").Contains(cherche, StringComparison.Ordinal);
    }
}
