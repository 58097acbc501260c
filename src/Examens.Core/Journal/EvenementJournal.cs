namespace Examens.Core.Journal;

/// <summary>
/// One entry of the append-only audit trail: who, when, what, on what, before and after, why, from where. Entries are
/// only ever added; nothing in the product updates or deletes them.
/// </summary>
public sealed class EvenementJournal
{
    public long Id { get; set; }

    public DateTime InstantUtc { get; set; }

    /// <summary>The account id, or "operateur" for the command line.</summary>
    public string Acteur { get; set; } = "";

    public string Action { get; set; } = "";

    /// <summary>What it concerns, e.g. "academie:12" or "inscription:…".</summary>
    public string Cible { get; set; } = "";

    public string? Avant { get; set; }

    public string? Apres { get; set; }

    public string? Motif { get; set; }

    public string? Adresse { get; set; }
}
