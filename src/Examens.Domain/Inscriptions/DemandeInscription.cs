using Examens.Domain.Regles;

namespace Examens.Domain.Inscriptions;

/// <summary>R15–R17: keep (bénéfice), carry (report) or renounce (renoncement, definitive) a grade of an earlier session.</summary>
public enum ChoixNote
{
    Benefice,
    Report,
    Renoncement,
}

/// <summary>The candidate's situation, which decides the form (R10–R12) and the documents (D4, D7–D10, D12, D13).</summary>
public sealed record SituationCandidat
{
    public StatutCandidat Statut { get; init; } = StatutCandidat.Individuel;

    public bool ExScolaire { get; init; }

    public bool ExApprenti { get; init; }

    public bool Redoublant { get; init; }

    /// <summary>Formation aménagée or positionnement decision (R50, D10).</summary>
    public bool FormationAmenagee { get; init; }

    public bool ContratProfessionnalisationRompu { get; init; }

    /// <summary>The form of an earlier registration for the same speciality (R11, P15), if any.</summary>
    public FormePassage? FormePrecedente { get; init; }

    /// <summary>Asks for exam adjustments (D13, when the academy requires it, P20).</summary>
    public bool DemandeAmenagementEpreuves { get; init; }
}

/// <param name="DetenueParExamens">The grade comes from a session this product deliberated: no relevé de notes is asked (D3 is for grades from elsewhere).</param>
public sealed record NoteAnterieure(string Unite, decimal Note, DateOnly Obtention, ChoixNote Choix, bool DetenueParExamens = false);

/// <param name="NiveauDiplome">Level of the national diploma giving the right to the exemption (R23: 5 or more).</param>
public sealed record DemandeDispense(string Unite, int NiveauDiplome);

/// <summary>Everything a registration states, as the rules need it. The instant is the server's (P12).</summary>
public sealed record DemandeInscription
{
    public required DateTimeOffset Instant { get; init; }

    /// <summary>Null when the caller checks the window elsewhere.</summary>
    public FenetreInscription? Fenetre { get; init; }

    public required int Session { get; init; }

    /// <summary>The session's planned deliberation date (P1).</summary>
    public required DateOnly DateDeliberation { get; init; }

    public required string Specialite { get; init; }

    public string? Option { get; init; }

    public required FormePassage Forme { get; init; }

    public SituationCandidat Candidat { get; init; } = new();

    public string? LangueObligatoire { get; init; }

    public IReadOnlyList<string> LanguesFacultatives { get; init; } = [];

    public IReadOnlyList<NoteAnterieure> NotesAnterieures { get; init; } = [];

    public IReadOnlyList<DemandeDispense> Dispenses { get; init; } = [];

    public IReadOnlyList<string> UnitesFacultatives { get; init; } = [];

    /// <summary>Progressive form only (R13, P16): the units chosen this session.</summary>
    public IReadOnlyList<string> UnitesAPasser { get; init; } = [];

    /// <summary>Grades the candidate renounced at an earlier registration: gone for good (P2, R17).</summary>
    public IReadOnlyList<NoteAnterieure> RenoncementsAnterieurs { get; init; } = [];
}
