using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Examens.Web.Comptes;

/// <summary>
/// A free text of <see cref="TexteSimple.Libre"/> (or <see cref="TexteSimple.LibreMultiligne"/>), refused with the
/// first character it does not accept: "contains forbidden characters" alone leaves a person looking for a « # » or
/// an invisible character pasted from elsewhere.
/// </summary>
/// <param name="champ">The field as the message starts: « L'adresse », « La commune ».</param>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TexteLibreAttribute(string champ, bool multiligne = false) : ValidationAttribute
{
    public string Champ => champ;

    public bool Multiligne => multiligne;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        ArgumentNullException.ThrowIfNull(validationContext);
        if (value is not string texte)
        {
            return ValidationResult.Success;
        }

        return PremierRefuse(texte, multiligne) is { } refuse
            ? new ValidationResult(
                $"{champ} contient un caractère non accepté : {refuse}. Sont acceptés les lettres, les chiffres, les espaces et ' - , . ( ) / °.",
                validationContext.MemberName is { } membre ? [membre] : null)
            : ValidationResult.Success;
    }

    /// <summary>The first character <paramref name="texte"/> may not hold, described for a person; null when all are accepted.</summary>
    public static string? PremierRefuse(string texte, bool multiligne = false)
    {
        ArgumentNullException.ThrowIfNull(texte);
        var motif = multiligne ? TexteSimple.LibreMultiligne : TexteSimple.Libre;
        foreach (var caractere in texte.EnumerateRunes())
        {
            // Matched whole, as RegularExpressionAttribute does: "$" alone would let a line break through.
            var seul = caractere.ToString();
            if (Regex.Match(seul, motif, RegexOptions.None, TimeSpan.FromSeconds(1)) is not { Success: true, Index: 0 } m || m.Length != seul.Length)
            {
                return Decrire(caractere);
            }
        }

        return null;
    }

    /// <summary>The character as the person can find it: itself when it shows, its code when it does not.</summary>
    private static string Decrire(Rune caractere) => Rune.GetUnicodeCategory(caractere) switch
    {
        UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
            or UnicodeCategory.SpaceSeparator or UnicodeCategory.PrivateUse or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned
            => $"un caractère invisible (U+{caractere.Value.ToString("X4", CultureInfo.InvariantCulture)})",
        _ => $"« {caractere} »",
    };
}
