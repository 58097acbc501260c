using System.Globalization;

namespace Examens.Domain.Common;

/// <summary>French formatting for messages: culture explicit, never the host's (CA1305).</summary>
public static class Francais
{
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("fr-FR");

    public static string Nombre(decimal valeur) => valeur.ToString("0.##", Culture);

    public static string Date(DateOnly date) => date.ToString("d MMMM yyyy", Culture);

    public static string DateHeure(DateTime local) => local.ToString("dddd d MMMM yyyy 'à' HH:mm:ss", Culture);
}
