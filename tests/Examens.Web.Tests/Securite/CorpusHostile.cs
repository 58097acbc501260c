using System.Text;

namespace Examens.Web.Tests.Securite;

/// <summary>
/// Issue 7 item 6: what an attacker or a broken client sends, shared by every form and API test. Each text value is
/// invalid for every text field of the portal (a forbidden character, or too long), so each must be refused.
/// </summary>
public static class CorpusHostile
{
    public static readonly (string Cas, string Valeur)[] Textes =
    [
        ("trop long", new string('a', 5_000)),
        ("NUL", "Du\0pont"),
        ("caractère de contrôle BEL", "Du\u0007pont"),
        ("séquence d'échappement ANSI", "\u001b[31mDupont"),
        ("retour à la ligne", "Du\npont"),
        ("bidi U+202E", "\u202Etnopud"),
        ("isolat bidi", "Dupont\u2066x\u2069"),
        ("espace de largeur nulle", "Du\u200Bpont"),
        ("liant de largeur nulle", "Du\u200Dpont"),
        ("indicateur d'ordre des octets", "\uFEFFDupont"),
        ("séparateur de ligne Unicode", "Du\u2028pont"),
        ("script", "<script>alert(1)</script>"),
        ("balise", "<b>Dupont</b>"),
        ("entité HTML", "Dupont&#x202E;"),
        ("injection SQL", "Robert'); DROP TABLE \"Inscriptions\";--"),
        ("gabarit", "{{7*7}}${7*7}"),
    ];

    /// <summary>
    /// Printable text that is refused in names, codes and addresses but is plain prose in a staff member's free-text
    /// reason (shown encoded, sent as plain-text mail): an entity, a quote and a semicolon, braces.
    /// </summary>
    public static readonly string[] ProseInoffensive = ["entité HTML", "injection SQL", "gabarit"];

    /// <summary>Texts refused even in free-text reasons: too long, control, invisible or bidi characters, markup.</summary>
    public static IEnumerable<(string Cas, string Valeur)> TextesRefusesPartout => Textes.Where(t => !ProseInoffensive.Contains(t.Cas));

    /// <summary>Texts for multi-line fields (an address): the same without the plain line break, which is allowed there.</summary>
    public static IEnumerable<(string Cas, string Valeur)> TextesMultilignes => Textes.Where(t => t.Cas != "retour à la ligne");

    public static readonly string[] Dates =
    [
        "30/02/2000", "31/04/2001", "2023-02-30", "29/02/2001", "00/01/2000", "32/01/2000", "01/13/2000", "13/00/2000",
        "01/01/0001", "31/12/9999", "2000-02-29T00:00:00", "29/02/2000\u202E", "demain", "01/01/2000; DROP", "1/1/-2000",
    ];

    public static readonly string[] Notes =
    [
        "-1", "20,01", "21", "12,345", "12.125", "1e1", "NaN", "Infinity", "12,5,5", "99999999999999999999999999999999999",
        "0x0A", "١٢", "+12", "12 5", "\u202E12",
    ];

    public static readonly string[] Entiers = ["-1", "0", "9", "99999999999", "1.5", "abc", "\u202E5"];

    /// <summary>Several megabytes of valid JSON.</summary>
    public static byte[] JsonEnorme(int octets)
    {
        var texte = new StringBuilder("{\"units\":[", octets + 100);
        while (texte.Length < octets)
        {
            texte.Append("{\"id\":\"U1\",\"coefficient\":3,\"professional\":false,\"result\":{\"grade\":12.5}},");
        }

        texte.Append("{}]}");
        return Encoding.UTF8.GetBytes(texte.ToString());
    }

    /// <summary>Arrays nested <paramref name="niveaux"/> deep.</summary>
    public static byte[] JsonProfond(int niveaux) => Encoding.UTF8.GetBytes(new string('[', niveaux) + new string(']', niveaux));
}
