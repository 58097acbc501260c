using System.Globalization;

namespace Examens.Web.Comptes;

/// <summary>A date typed as jj/mm/aaaa (or aaaa-mm-jj from a date picker), that must exist and be plausible.</summary>
public static class DateSaisie
{
    private static readonly string[] Formats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd"];

    public static bool Lire(string? texte, TimeProvider horloge, out DateOnly date, out string erreur)
    {
        ArgumentNullException.ThrowIfNull(horloge);
        erreur = "";
        if (!DateOnly.TryParseExact((texte ?? "").Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            erreur = "Cette date n'existe pas ou n'est pas au format jj/mm/aaaa (par exemple 29/02/2000).";
            return false;
        }

        var aujourdhui = DateOnly.FromDateTime(horloge.GetUtcNow().UtcDateTime);
        if (date > aujourdhui.AddYears(-14) || date < aujourdhui.AddYears(-100))
        {
            erreur = "Cette date de naissance n'est pas plausible pour un candidat au BTS.";
            return false;
        }

        return true;
    }
}
