using Microsoft.Extensions.Configuration;

namespace Examens.Core.Rappels;

/// <summary>
/// Reminder settings (section <c>Examens:Rappels</c>): whether they run, the delays before the deadline, and the
/// portal address the e-mail links to (a background task has no request to take it from).
/// </summary>
public sealed class OptionsRappels
{
    public static readonly IReadOnlyList<TimeSpan> DelaisParDefaut = [TimeSpan.FromDays(7), TimeSpan.FromDays(2), TimeSpan.FromHours(6)];

    public bool Actifs { get; set; } = true;

    /// <summary>As "7.00:00:00", "2.00:00:00", "06:00:00"; empty for the defaults.</summary>
    public TimeSpan[]? Delais { get; set; }

    public string AdressePortail { get; set; } = "http://localhost:5080";

    /// <summary>The delays longest first, without duplicates.</summary>
    public IReadOnlyList<TimeSpan> DelaisTries =>
        [.. (Delais is { Length: > 0 } ? Delais : DelaisParDefaut).Distinct().OrderDescending()];

    /// <summary>Reads and checks the section: a bad setting stops the start with a French message, not the first pass.</summary>
    public static OptionsRappels Lire(IConfiguration section)
    {
        ArgumentNullException.ThrowIfNull(section);
        var options = section.Get<OptionsRappels>() ?? new OptionsRappels();
        if (options.DelaisTries.Any(d => d < TimeSpan.FromMinutes(1) || d > TimeSpan.FromDays(90)))
        {
            throw new InvalidOperationException("Examens:Rappels:Delais : chaque délai doit être compris entre une minute et 90 jours (par exemple \"7.00:00:00\" ou \"06:00:00\").");
        }

        if (!Uri.TryCreate(options.AdressePortail, UriKind.Absolute, out var adresse) || adresse.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException("Examens:Rappels:AdressePortail doit être l'adresse publique du portail (par exemple https://examens.exemple.fr).");
        }

        options.AdressePortail = options.AdressePortail.TrimEnd('/');
        return options;
    }
}
