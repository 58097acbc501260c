namespace Examens.Core.Idempotence;

/// <summary>
/// One idempotency key received with a state-changing request: the form it came from was rendered once, so a double
/// click, a retry after a timeout or the same tab posting again carries the same key and gets the first answer back
/// (<see cref="Resultat"/>, the address the first request sent the person to) instead of a second effect. While the
/// first request runs, <see cref="Resultat"/> is null.
/// </summary>
public sealed class CleIdempotence
{
    public long Id { get; set; }

    /// <summary>The signed-in account the key belongs to: a key is never shared between accounts.</summary>
    public string CompteId { get; set; } = "";

    public string Cle { get; set; } = "";

    /// <summary>The path and handler the key was used on; the same key on another route is not a replay.</summary>
    public string Route { get; set; } = "";

    public string? Resultat { get; set; }

    public DateTime InstantUtc { get; set; }
}
