using System.Globalization;

namespace Examens.Core.Validation;

/// <summary>
/// What a free text written by staff (a refusal reason read by the candidate, by mail and on the page) may not carry:
/// control characters other than line breaks and tabs, invisible formatting (bidi overrides such as U+202E, zero-width
/// characters, byte-order marks), unpaired surrogates, and markup brackets.
/// </summary>
public static class TexteLibre
{
    /// <summary>The French error naming <paramref name="champ"/>, or null when the text is acceptable.</summary>
    public static string? Probleme(string? texte, string champ)
    {
        if (string.IsNullOrEmpty(texte))
        {
            return null;
        }

        for (var i = 0; i < texte.Length; i++)
        {
            var c = texte[i];
            if (char.IsHighSurrogate(c) && i + 1 < texte.Length && char.IsLowSurrogate(texte[i + 1]))
            {
                i++;
                continue;
            }

            var categorie = CharUnicodeInfo.GetUnicodeCategory(c);
            if ((char.IsControl(c) && c is not ('\r' or '\n' or '\t'))
                || categorie is UnicodeCategory.Format or UnicodeCategory.Surrogate or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || c is '<' or '>')
            {
                return $"{champ} contient des caractères non autorisés (caractères de contrôle ou invisibles, < ou >) : retirez-les.";
            }
        }

        return null;
    }
}
