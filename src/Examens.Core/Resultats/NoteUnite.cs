using Examens.Domain.Deliberations;

namespace Examens.Core.Resultats;

/// <summary>
/// A candidate's validated outcome for one unit this session: a grade, an absence, an exemption, a kept or carried
/// grade with its date, or "not taken yet" (progressive form). What the deliberation reads.
/// </summary>
public sealed class NoteUnite
{
    public long Id { get; set; }

    public Guid InscriptionId { get; set; }

    public string Unite { get; set; } = "";

    public bool Facultative { get; set; }

    public NatureResultat Nature { get; set; }

    public decimal? Note { get; set; }

    /// <summary>For a kept or carried grade: when it was obtained (P1).</summary>
    public DateOnly? ObtenueLe { get; set; }

    public ResultatUnite EnResultat() => new(Nature, Note ?? 0m, ObtenueLe ?? default);
}
