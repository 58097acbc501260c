using System.Globalization;

namespace Examens.Web.Gestion;

/// <summary>Dates and times typed by staff: a date field sends AAAA-MM-JJ, a person may type JJ/MM/AAAA; times HH:MM.</summary>
public static class SaisieDate
{
    private static readonly string[] FormatsDate = ["yyyy-MM-dd", "dd/MM/yyyy", "d/M/yyyy"];

    public static DateOnly? Date(string? texte) =>
        DateOnly.TryParseExact((texte ?? "").Trim(), FormatsDate, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static TimeOnly? Heure(string? texte) =>
        TimeOnly.TryParseExact((texte ?? "").Trim(), ["HH:mm", "H:mm", "HH'h'mm", "H'h'mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t) ? t : null;
}
