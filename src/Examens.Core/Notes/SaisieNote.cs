using Examens.Domain.Deliberations;

namespace Examens.Core.Notes;

/// <summary>Where a keying came from, for the trail and the officer settling a mismatch.</summary>
public enum OrigineSaisie
{
    Manuelle,
    Import,

    /// <summary>The officer's settlement of a mismatch (a third keying, with a reason in the trail).</summary>
    Arbitrage,
}

/// <summary>
/// One keying of one grade: saisie 1, saisie 2, or the settlement (3). Only two matching keyings, or a settlement,
/// validate the grade into <see cref="Resultats.NoteUnite"/> (issue 6, double keying).
/// </summary>
public sealed class SaisieNote
{
    public const int Arbitrage = 3;

    public long Id { get; set; }

    public Guid InscriptionId { get; set; }

    public string Unite { get; set; } = "";

    /// <summary>1, 2, or 3 for the settlement.</summary>
    public int Numero { get; set; }

    /// <summary>Note, AbsenceJustifiee or AbsenceNonJustifiee.</summary>
    public NatureResultat Nature { get; set; }

    public decimal? Note { get; set; }

    /// <summary>The account that keyed it, or "cli:USER" for the command line.</summary>
    public string Acteur { get; set; } = "";

    public OrigineSaisie Origine { get; set; }

    public DateTime SaisieLeUtc { get; set; }

    public bool Concorde(SaisieNote autre) => autre is not null && Nature == autre.Nature && Note == autre.Note;
}
