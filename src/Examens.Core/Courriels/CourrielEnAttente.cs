namespace Examens.Core.Courriels;

/// <summary>
/// An e-mail written in the same transaction as the change it reports (the outbox): it exists if and only if the
/// change was saved, and a background pass sends it (<see cref="EnvoyerCourrielsEnAttente"/>). A pass claims the row
/// for a while before sending, so two nodes never send it both; the row is deleted once sent, and kept with a later
/// retry instant when the mail server refused it.
/// </summary>
public sealed class CourrielEnAttente
{
    public long Id { get; set; }

    public string Destinataire { get; set; } = "";

    public string Objet { get; set; } = "";

    public string Texte { get; set; } = "";

    public DateTime CreeLeUtc { get; set; }

    /// <summary>Not sent before this instant: the creation, then later after each failure.</summary>
    public DateTime ProchainEssaiUtc { get; set; }

    public int Essais { get; set; }

    /// <summary>The pass that claimed the row, until <see cref="ReserveJusquAUtc"/>; after that instant another pass may take it.</summary>
    public string? Detenteur { get; set; }

    public DateTime? ReserveJusquAUtc { get; set; }

    /// <summary>The kind of the last failure (an exception's type and SMTP status; never the server's text, which may quote the address).</summary>
    public string? DerniereErreur { get; set; }
}
