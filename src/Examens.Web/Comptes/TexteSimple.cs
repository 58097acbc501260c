namespace Examens.Web.Comptes;

/// <summary>What a free-text field accepts: letters of any language, digits, usual punctuation; no markup, no control or bidi characters.</summary>
public static class TexteSimple
{
    public const string Nom = @"^[\p{L}\p{M}][\p{L}\p{M} '’\-]*$";

    public const string Libre = @"^[\p{L}\p{M}\p{N} '’\-,.()/°]*$";

    public const string LibreMultiligne = @"^[\p{L}\p{M}\p{N} '’\-,.()/°\r\n]*$";
}
