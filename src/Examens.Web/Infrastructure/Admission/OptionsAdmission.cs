namespace Examens.Web.Infrastructure.Admission;

/// <summary>Settings "Examens:Admission": how much one node takes at once and how long a newcomer may wait.</summary>
public sealed class OptionsAdmission
{
    public const string Section = "Examens:Admission";

    /// <summary>Requests in progress at once on this node, for everyone.</summary>
    public int RequetesSimultanees { get; set; } = 64;

    /// <summary>Extra places only candidates already admitted (holding the admission cookie) may take.</summary>
    public int PlacesReservees { get; set; } = 16;

    /// <summary>Requests that may wait for a place, in each lane (newcomers, already admitted).</summary>
    public int FileAttente { get; set; } = 256;

    /// <summary>How long a request waits for a place before it gets the waiting page.</summary>
    public int AttenteMaximaleSecondes { get; set; } = 10;

    /// <summary>How long the admission cookie lasts after the last admitted request (sliding).</summary>
    public int DureeAdmissionMinutes { get; set; } = 20;

    /// <summary>After about how many seconds the waiting page reloads itself (Retry-After); a little is added at random.</summary>
    public int RelanceSecondes { get; set; } = 10;

    /// <summary>The first setting that makes no sense, in French, or null.</summary>
    public string? Erreur() =>
        RequetesSimultanees < 1 ? "Examens:Admission:RequetesSimultanees doit valoir au moins 1."
        : PlacesReservees < 0 ? "Examens:Admission:PlacesReservees ne peut pas être négatif."
        : FileAttente < 0 ? "Examens:Admission:FileAttente ne peut pas être négatif."
        : AttenteMaximaleSecondes < 0 ? "Examens:Admission:AttenteMaximaleSecondes ne peut pas être négatif."
        : DureeAdmissionMinutes < 1 ? "Examens:Admission:DureeAdmissionMinutes doit valoir au moins 1."
        : RelanceSecondes < 1 ? "Examens:Admission:RelanceSecondes doit valoir au moins 1."
        : null;
}
