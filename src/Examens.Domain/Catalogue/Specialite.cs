namespace Examens.Domain.Catalogue;

/// <summary>A BTS speciality as its règlement d'examen describes it for one session (R1, R3).</summary>
public sealed record Specialite
{
    public required string Code { get; init; }

    public required int Session { get; init; }

    public required string Nom { get; init; }

    public string? Arrete { get; init; }

    /// <summary>False when the règlement is not known in full: the data is what is known, never a guess.</summary>
    public bool Complete { get; init; } = true;

    public string? NoteIncomplete { get; init; }

    public IReadOnlyDictionary<string, string> Sources { get; init; } = new Dictionary<string, string>();

    public IReadOnlyList<OptionSpecialite> Options { get; init; } = [];

    public LanguesOffertes Langues { get; init; } = LanguesOffertes.Aucune;

    /// <summary>Speciality-dependent documents of the table (D5, D6).</summary>
    public IReadOnlyList<string> Pieces { get; init; } = [];

    /// <summary>The items of those documents (the four attestations of D6, the R408 one of D5).</summary>
    public IReadOnlyList<string> Attestations { get; init; } = [];

    public IReadOnlyList<Unite> Unites { get; init; } = [];

    public Unite? Trouver(string id) =>
        Unites.FirstOrDefault(u => string.Equals(u.Id, id, StringComparison.OrdinalIgnoreCase));

    public OptionSpecialite? TrouverOption(string code) =>
        Options.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase));

    /// <summary>The compulsory units a candidate of this option sits, keeps, carries or is exempted from (R4, R18).</summary>
    public IEnumerable<Unite> UnitesObligatoires(string? option) =>
        Unites.Where(u => u.EstUnite && !u.Facultative && u.ConcerneOption(option));

    public IEnumerable<Unite> UnitesFacultatives(string? option) =>
        Unites.Where(u => u.EstUnite && u.Facultative && u.ConcerneOption(option));
}
