namespace Examens.Core.Sessions;

/// <summary>One yearly BTS session (registration the autumn before).</summary>
public sealed class SessionExamen
{
    public int Id { get; set; }

    public int Annee { get; set; }

    public string Libelle { get; set; } = "";

    /// <summary>The planned deliberation date: reference date of the five-year validity (P1).</summary>
    public DateOnly DateDeliberation { get; set; }

    /// <summary>
    /// How many months after <see cref="DateDeliberation"/> the session's documents and registrations are kept before
    /// <c>examens purge</c> removes them (12 by default: the appeal period and the next session's checks are over).
    /// Grades still usable at a later session (P1, five years) are kept until they no longer are.
    /// </summary>
    public int ConservationMois { get; set; } = ConservationParDefaut;

    public const int ConservationParDefaut = 12;

    /// <summary>A demonstration session, clearly labelled, whose window is open at first start.</summary>
    public bool Demonstration { get; set; }

    /// <summary>After convocations nobody changes a registration (P22, R60).</summary>
    public bool ConvocationsPubliees { get; set; }

    /// <summary>When the convocations were published, in one batch for the whole session.</summary>
    public DateTime? ConvocationsPublieesLeUtc { get; set; }

    public List<AcademieSession> Academies { get; set; } = [];
}
