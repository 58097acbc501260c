using System.Globalization;
using System.Text;
using Examens.Domain.Common;
using Examens.Domain.Deliberations;
using Examens.Domain.Regles;

namespace Examens.Core.Notes;

/// <summary>A keyed result: a grade, or an absence justified or not (P8).</summary>
public readonly record struct ValeurSaisie(NatureResultat Nature, decimal? Note)
{
    public string Texte => Nature switch
    {
        NatureResultat.Note => $"{Francais.Nombre(Note ?? 0m)}/20",
        NatureResultat.AbsenceJustifiee => "absence justifiée",
        NatureResultat.AbsenceNonJustifiee => "absence non justifiée",
        NatureResultat.Dispense => "dispense",
        NatureResultat.Benefice => $"bénéfice {Francais.Nombre(Note ?? 0m)}/20",
        NatureResultat.Report => $"report {Francais.Nombre(Note ?? 0m)}/20",
        _ => "en attente",
    };
}

/// <summary>
/// Reads what an officer or a centre's file gives for one grade: a grade from 0 to 20 with two decimals at most (P7),
/// "12,5" or "12.5", or an absence: AJ (justifiée) or ANJ (non justifiée). Says in French what is wrong.
/// </summary>
public static class LectureNote
{
    public static (ValeurSaisie? Valeur, string? Erreur) Lire(string? note, string? absence)
    {
        var n = (note ?? "").Trim();
        var a = Normaliser(absence);
        if (n.Length > 0 && a.Length > 0)
        {
            return (null, "indiquez soit une note, soit une absence, pas les deux.");
        }

        if (a.Length > 0)
        {
            return a switch
            {
                "AJ" or "JUSTIFIEE" or "ABSENCE JUSTIFIEE" => (new ValeurSaisie(NatureResultat.AbsenceJustifiee, null), null),
                "ANJ" or "NON JUSTIFIEE" or "ABSENCE NON JUSTIFIEE" => (new ValeurSaisie(NatureResultat.AbsenceNonJustifiee, null), null),
                _ => (null, $"absence « {absence!.Trim()} » inconnue : écrivez AJ (absence justifiée) ou ANJ (absence non justifiée)."),
            };
        }

        if (n.Length == 0)
        {
            return (null, "indiquez une note de 0 à 20 ou une absence (AJ ou ANJ).");
        }

        if (n.Length > 20 || !decimal.TryParse(n.Replace(',', '.'), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var valeur))
        {
            return (null, $"« {Tronquer(n)} » n'est pas une note : écrivez un nombre de 0 à 20, par exemple 12,5.");
        }

        if (!NoteSur20.EstDansLesBornes(valeur))
        {
            return (null, $"la note {n} doit être comprise entre 0 et 20.");
        }

        if (!NoteSur20.AAuPlusDeuxDecimales(valeur))
        {
            return (null, $"la note {n} a plus de deux décimales (deux au plus, P7).");
        }

        return (new ValeurSaisie(NatureResultat.Note, valeur), null);
    }

    private static string Tronquer(string texte) => texte.Length <= 20 ? texte : texte[..20] + "…";

    private static string Normaliser(string? texte)
    {
        var t = (texte ?? "").Trim().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(t.Length);
        foreach (var c in t)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        return sb.ToString();
    }
}
