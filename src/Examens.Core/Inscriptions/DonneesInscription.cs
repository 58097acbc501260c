using Examens.Domain.Inscriptions;
using Examens.Domain.Regles;

namespace Examens.Core.Inscriptions;

/// <summary>A grade of an earlier session as the candidate declares it, with the second confirmation a renunciation needs.</summary>
public sealed record NoteDeclaree
{
    public string Unite { get; init; } = "";

    public decimal Note { get; init; }

    public DateOnly Obtention { get; init; }

    public ChoixNote Choix { get; init; } = ChoixNote.Benefice;

    /// <summary>The candidate confirmed, having read what it costs, that renouncing is definitive (R17).</summary>
    public bool RenoncementConfirme { get; init; }

    /// <summary>The grade is one this product holds from an earlier session (set by the server, never by the form): no relevé de notes is asked (D3).</summary>
    public bool DetenueParExamens { get; init; }

    /// <summary>The session the grade comes from, when this product holds it.</summary>
    public string? SessionOrigine { get; init; }
}

public sealed record DispenseDemandee
{
    public string Unite { get; init; } = "";

    public int NiveauDiplome { get; init; } = 5;

    public string Diplome { get; init; } = "";
}

/// <summary>
/// What the candidate has entered, step by step. Saved as the draft whenever a step is left; a submission freezes a
/// copy of it in a numbered version.
/// </summary>
public sealed record DonneesInscription
{
    public string Adresse { get; init; } = "";

    public string CodePostal { get; init; } = "";

    public string Ville { get; init; } = "";

    public string Pays { get; init; } = "France";

    public string Telephone { get; init; } = "";

    public StatutCandidat Statut { get; init; } = StatutCandidat.Individuel;

    public bool ExScolaire { get; init; }

    public bool ExApprenti { get; init; }

    public bool Redoublant { get; init; }

    public bool FormationAmenagee { get; init; }

    public bool ContratProfessionnalisationRompu { get; init; }

    public bool DemandeAmenagementEpreuves { get; init; }

    public FormePassage? FormePrecedente { get; init; }

    public string Specialite { get; init; } = "";

    public string? Option { get; init; }

    public FormePassage? Forme { get; init; }

    /// <summary>The candidate confirmed, having read what it costs, that the form is definitive (R11).</summary>
    public bool FormeConfirmee { get; init; }

    public string LangueObligatoire { get; init; } = "";

    public IReadOnlyList<string> LanguesFacultatives { get; init; } = [];

    public IReadOnlyList<string> UnitesFacultatives { get; init; } = [];

    public IReadOnlyList<string> UnitesAPasser { get; init; } = [];

    public IReadOnlyList<NoteDeclaree> NotesAnterieures { get; init; } = [];

    public IReadOnlyList<DispenseDemandee> Dispenses { get; init; } = [];

    public SituationCandidat Situation => new()
    {
        Statut = Statut,
        ExScolaire = ExScolaire,
        ExApprenti = ExApprenti,
        Redoublant = Redoublant,
        FormationAmenagee = FormationAmenagee,
        ContratProfessionnalisationRompu = ContratProfessionnalisationRompu,
        FormePrecedente = FormePrecedente,
        DemandeAmenagementEpreuves = DemandeAmenagementEpreuves,
    };
}
