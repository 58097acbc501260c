namespace Examens.Core.Documents.Convocation;

/// <summary>One unit the candidate sits, with when and for how long (local time of the centre's academy).</summary>
/// <param name="Intitule">Already worded, language included ("Langue vivante facultative : arabe (arabe littéral)").</param>
public sealed record EpreuveConvoquee(string Code, string Intitule, bool Facultative, DateOnly Date, TimeOnly Debut, int DureeMinutes);

/// <summary>Everything the convocation shows (R69), worded in French by the caller; the results on the back (R62).</summary>
public sealed record DonneesConvocation
{
    public required string Session { get; init; }
    public required string Academie { get; init; }
    public required string Fuseau { get; init; }
    public required string NumeroCandidat { get; init; }
    public required string Nom { get; init; }
    public required string Prenoms { get; init; }
    public required DateOnly DateNaissance { get; init; }
    public required string LieuNaissance { get; init; }
    public required string Specialite { get; init; }
    public string? Option { get; init; }
    public required string Centre { get; init; }
    public required string AdresseCentre { get; init; }
    public IReadOnlyList<EpreuveConvoquee> Epreuves { get; init; } = [];

    /// <summary>R34, P19: the candidate sits optional Arabic, examined in literary Arabic only.</summary>
    public bool ArabeLitteral { get; init; }

    public required DateOnly DateResultats { get; init; }
    public required TimeOnly HeureResultats { get; init; }
    public required string LieuxResultats { get; init; }
}
