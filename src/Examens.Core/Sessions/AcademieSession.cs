using Examens.Domain.Regles;

namespace Examens.Core.Sessions;

/// <summary>
/// An academy (or SIEC) for one session: its registration window in its own local time and IANA zone (P12, R57), its
/// documents deadline (P13), its confirmation mode (P21) and the settings of decisions.md.
/// </summary>
public sealed class AcademieSession
{
    public int Id { get; set; }

    public int SessionId { get; set; }

    public SessionExamen Session { get; set; } = null!;

    public string Code { get; set; } = "";

    public string Nom { get; set; } = "";

    public string Fuseau { get; set; } = "Europe/Paris";

    public DateTime OuvertureLocale { get; set; }

    public DateTime FermetureLocale { get; set; }

    /// <summary>The closing as a UTC instant, kept beside the local time for queries and sorting.</summary>
    public DateTime FermetureUtc { get; set; }

    public DateTime OuvertureUtc { get; set; }

    public DateTime? DateLimitePiecesLocale { get; set; }

    public ModeConfirmation ModeConfirmation { get; set; } = ModeConfirmation.Papier;

    public int MaxUnitesFacultatives { get; set; } = 2;

    public bool AbsenceFacultativeEliminatoire { get; set; }

    public bool PieceD12Requise { get; set; }

    public bool PieceD13Requise { get; set; }

    public TimeZoneInfo FuseauHoraire => TimeZoneInfo.FindSystemTimeZoneById(Fuseau);

    public FenetreInscription Fenetre =>
        FenetreInscription.Creer(OuvertureLocale, FermetureLocale, FuseauHoraire)
        ?? throw new InvalidOperationException($"La fenêtre de l'académie {Code} ferme avant d'ouvrir.");

    public DateTimeOffset? DateLimitePieces =>
        DateLimitePiecesLocale is { } d ? HeureLocale.VersInstant(d, FuseauHoraire) : null;

    public ParametresSession Parametres => new()
    {
        MaxUnitesFacultatives = MaxUnitesFacultatives,
        AbsenceFacultativeEliminatoire = AbsenceFacultativeEliminatoire,
        PieceD12Requise = PieceD12Requise,
        PieceD13Requise = PieceD13Requise,
        ModeConfirmation = ModeConfirmation,
    };

    /// <summary>Sets the window from local date-times and keeps the UTC instants in step.</summary>
    public void DefinirFenetre(DateTime ouvertureLocale, DateTime fermetureLocale, string fuseau)
    {
        Fuseau = fuseau;
        OuvertureLocale = ouvertureLocale;
        FermetureLocale = fermetureLocale;
        var fenetre = Fenetre;
        OuvertureUtc = fenetre.Ouverture.UtcDateTime;
        FermetureUtc = fenetre.Fermeture.UtcDateTime;
    }
}
