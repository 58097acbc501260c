namespace Examens.Core.Rappels;

/// <summary>
/// A reminder claimed for one registration and one delay. The unique index (registration, delay) is the claim: the
/// row is inserted before the e-mail leaves, so two nodes, or a host restarted, never send the same reminder twice.
/// </summary>
public sealed class RappelEnvoye
{
    public long Id { get; set; }

    public Guid InscriptionId { get; set; }

    /// <summary>How long before the deadline, in minutes (7 days = 10080): the delay of the settings this reminder answers.</summary>
    public int DelaiMinutes { get; set; }

    /// <summary>The deadline the reminder announced (the close, or the documents deadline), UTC.</summary>
    public DateTime EcheanceUtc { get; set; }

    public DateTime EnvoyeLeUtc { get; set; }

    /// <summary>What the candidate was reminded of, in French ("inscription non soumise", "pièces manquantes ou refusées : D2, D6").</summary>
    public string Objet { get; set; } = "";

    public static string LibelleDelai(int minutes) => minutes switch
    {
        _ when minutes % 1440 == 0 => Pluriel(minutes / 1440, "jour"),
        _ when minutes % 60 == 0 => Pluriel(minutes / 60, "heure"),
        _ => Pluriel(minutes, "minute"),
    };

    private static string Pluriel(int n, string unite) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{n} {unite}{(n > 1 ? "s" : "")} avant l'échéance");
}
