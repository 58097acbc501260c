namespace Examens.Domain.Catalogue;

/// <summary>The specialities of every session the catalogue holds.</summary>
public sealed class CatalogueBts
{
    private readonly Dictionary<(string Code, int Session), Specialite> _parCle;

    public CatalogueBts(IEnumerable<Specialite> specialites)
    {
        ArgumentNullException.ThrowIfNull(specialites);
        _parCle = specialites.ToDictionary(s => (s.Code.ToUpperInvariant(), s.Session));
    }

    public IReadOnlyCollection<Specialite> Specialites => _parCle.Values;

    /// <summary>
    /// The speciality as described for <paramref name="session"/>; when that session has no file yet, the latest
    /// earlier one (else the earliest later one), with <c>Exacte</c> false so the caller says so.
    /// </summary>
    public (Specialite? Specialite, bool Exacte) Trouver(string code, int session)
    {
        ArgumentNullException.ThrowIfNull(code);
        var cle = code.Trim().ToUpperInvariant();
        if (_parCle.TryGetValue((cle, session), out var exacte))
        {
            return (exacte, true);
        }

        var candidates = _parCle.Values.Where(s => s.Code.Equals(cle, StringComparison.OrdinalIgnoreCase)).ToList();
        var proche = candidates.Where(s => s.Session < session).MaxBy(s => s.Session)
                     ?? candidates.Where(s => s.Session > session).MinBy(s => s.Session);
        return (proche, false);
    }
}
