namespace Examens.Domain.Regles;

public enum PositionDansFenetre
{
    AvantOuverture,
    Ouverte,
    Fermee,
}

/// <summary>
/// P12, R56, R57: a registration window is (opening local date-time, closing local date-time, IANA zone) per academy
/// and session. It is open for instants t with opening &lt;= t &lt; closing: "17:00 précises" means 17:00:00.000 local is
/// already late. Callers pass the server's instant (an injected TimeProvider), never the client's.
/// </summary>
public sealed class FenetreInscription
{
    private FenetreInscription(DateTime ouvertureLocale, DateTime fermetureLocale, TimeZoneInfo fuseau)
    {
        OuvertureLocale = ouvertureLocale;
        FermetureLocale = fermetureLocale;
        Fuseau = fuseau;
        Ouverture = HeureLocale.VersInstant(ouvertureLocale, fuseau);
        Fermeture = HeureLocale.VersInstant(fermetureLocale, fuseau);
    }

    public DateTime OuvertureLocale { get; }

    public DateTime FermetureLocale { get; }

    public TimeZoneInfo Fuseau { get; }

    public DateTimeOffset Ouverture { get; }

    public DateTimeOffset Fermeture { get; }

    /// <summary>Builds a window; null when the closing is not after the opening (the window would never be open).</summary>
    public static FenetreInscription? Creer(DateTime ouvertureLocale, DateTime fermetureLocale, TimeZoneInfo fuseau)
    {
        ArgumentNullException.ThrowIfNull(fuseau);
        var fenetre = new FenetreInscription(
            DateTime.SpecifyKind(ouvertureLocale, DateTimeKind.Unspecified),
            DateTime.SpecifyKind(fermetureLocale, DateTimeKind.Unspecified),
            fuseau);
        return fenetre.Fermeture > fenetre.Ouverture ? fenetre : null;
    }

    public PositionDansFenetre Position(DateTimeOffset instant)
    {
        if (instant < Ouverture)
        {
            return PositionDansFenetre.AvantOuverture;
        }

        return instant < Fermeture ? PositionDansFenetre.Ouverte : PositionDansFenetre.Fermee;
    }

    public bool EstOuverteA(DateTimeOffset instant) => Position(instant) == PositionDansFenetre.Ouverte;

    public DateTime EnHeureLocale(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Fuseau).DateTime;
}
