namespace Examens.Web.Comptes;

/// <summary>What a free-text field accepts: letters of any language, digits, usual punctuation; no markup, no control or bidi characters.</summary>
public static class TexteSimple
{
    /// <summary>A name starts with a letter; spaces around it (a pasted name, a phone's completion) are trimmed when it is stored.</summary>
    public const string Nom = @"^ *[\p{L}\p{M}][\p{L}\p{M} '’\-]*$";

    public const string Libre = @"^[\p{L}\p{M}\p{N} '’\-,.()/°]*$";

    public const string LibreMultiligne = @"^[\p{L}\p{M}\p{N} '’\-,.()/°\r\n]*$";
}
