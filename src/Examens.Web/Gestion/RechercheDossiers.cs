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

    /// <summary>Every word of the search in the number or the names, in any order ("élodie lefevre", "LEFÈVRE-ÇAĞLAR", "siec-t").</summary>
    public static bool Correspond(string? recherche, string numero, string nom, string prenoms)
    {
        var mots = Normaliser(recherche).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var texte = Normaliser($"{numero} {nom} {prenoms}");
        return mots.All(m => texte.Contains(m, StringComparison.Ordinal));
    }
}
