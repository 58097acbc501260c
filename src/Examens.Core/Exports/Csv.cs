using System.Text;

namespace Examens.Core.Exports;

/// <summary>
/// CSV as a French spreadsheet reads it: UTF-8 with a BOM (else the accents break), `;` between fields (`,` is the
/// decimal separator), CRLF lines, RFC 4180 quoting, and formula injection neutralised.
/// </summary>
public static class Csv
{
    public static byte[] Ecrire(IEnumerable<IReadOnlyList<string?>> lignes)
    {
        ArgumentNullException.ThrowIfNull(lignes);
        var texte = new StringBuilder();
        foreach (var ligne in lignes)
        {
            texte.Append(string.Join(';', ligne.Select(Champ))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(texte.ToString())];
    }

    public static string Champ(string? valeur)
    {
        var v = valeur ?? "";
        // A spreadsheet runs a cell starting with one of these as a formula: a candidate's name must stay text.
        if (v.Length > 0 && v[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            v = "'" + v;
        }

        return v.AsSpan().IndexOfAny(";\"\r\n") >= 0 ? $"\"{v.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : v;
    }
}
