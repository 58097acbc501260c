namespace Examens.Domain.Regles;

/// <summary>
/// P13, R58: documents can be uploaded or replaced from the opening of the window until a documents deadline of the
/// academy, which defaults to the registration closing and may be later (Nancy-Metz: one week later).
/// </summary>
public static class DelaiDesPieces
{
    public static DateTimeOffset DateLimite(FenetreInscription fenetre, DateTimeOffset? dateLimitePieces)
    {
        ArgumentNullException.ThrowIfNull(fenetre);
        return dateLimitePieces is { } d && d > fenetre.Fermeture ? d : fenetre.Fermeture;
    }

    public static bool PeutDeposer(DateTimeOffset instant, FenetreInscription fenetre, DateTimeOffset? dateLimitePieces)
    {
        ArgumentNullException.ThrowIfNull(fenetre);
        return instant >= fenetre.Ouverture && instant < DateLimite(fenetre, dateLimitePieces);
    }
}
