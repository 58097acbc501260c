using System.Globalization;
using Examens.Domain.Regles;

namespace Examens.Web.Comptes;

/// <summary>A grade typed by a person: "12,5" or "12.5", 0 to 20, at most two decimals (P7).</summary>
public static class NoteSaisie
{
    public static bool Lire(string? texte, out decimal note)
    {
        var normalise = (texte ?? "").Trim().Replace(',', '.');
        return decimal.TryParse(normalise, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out note)
               && NoteSur20.EstDansLesBornes(note) && NoteSur20.AAuPlusDeuxDecimales(note);
    }
}
