using Examens.Domain.Regles;

namespace Examens.Core.Documents.Confirmation;

/// <summary>One line of the plan printed on the confirmation: a unit and what happens to it this session.</summary>
/// <param name="Statut">In French, as printed: "à présenter", "bénéfice (session 2022, valable jusqu'au …)", "report …", "dispense", "pas à cette session".</param>
public sealed record LigneUniteConfirmation(string Code, string Intitule, string Statut);

/// <summary>A document of the back page: its table id (D1…), label, and where it stands.</summary>
public sealed record PieceConfirmation(string Id, string Libelle, IReadOnlyList<string> Elements, string Etat);

/// <summary>
/// Everything R68 asks the confirmation d'inscription to show, already worded in French by the caller, plus the
/// version, its instant in the academy's local time and a verification code.
/// </summary>
public sealed record DonneesConfirmation
{
    public required string Session { get; init; }              // "BTS session 2024"
    public required string Academie { get; init; }             // "SIEC (Créteil, Paris, Versailles)"
    public required string NumeroInscription { get; init; }
    public required int Version { get; init; }
    public required DateTime InstantLocal { get; init; }       // the server instant of the version, in the academy's zone
    public required string Fuseau { get; init; }               // "Europe/Paris"
    public required string CodeVerification { get; init; }
    public required ModeConfirmation Mode { get; init; }

    public required string Nom { get; init; }
    public required string Prenoms { get; init; }
    public required DateOnly DateNaissance { get; init; }
    public required string LieuNaissance { get; init; }
    public required string Adresse { get; init; }              // may span lines
    public required string Courriel { get; init; }
    public string? Telephone { get; init; }

    public required string Specialite { get; init; }           // "MS – Maintenance des systèmes"
    public string? Option { get; init; }                        // "A – Systèmes de production"
    public required string FormePassage { get; init; }          // "globale" | "progressive"
    public required string Statut { get; init; }               // "candidat individuel", …
    public required string LangueObligatoire { get; init; }
    public IReadOnlyList<string> LanguesFacultatives { get; init; } = [];   // "arabe (arabe littéral)" already worded
    public IReadOnlyList<string> UnitesFacultatives { get; init; } = [];
    public IReadOnlyList<LigneUniteConfirmation> Unites { get; init; } = [];
    public IReadOnlyList<PieceConfirmation> Pieces { get; init; } = [];
}
