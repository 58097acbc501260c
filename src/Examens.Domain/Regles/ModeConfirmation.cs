namespace Examens.Domain.Regles;

/// <summary>
/// P21, R59: the seed's paper mode (download, date, sign, correct in red, upload the signed copy as D1), or online
/// validation where validating counts as the signature. Chosen per academy; paper by default.
/// </summary>
public enum ModeConfirmation
{
    Papier,
    ValidationEnLigne,
}
