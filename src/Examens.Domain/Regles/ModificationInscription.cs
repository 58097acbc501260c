using Examens.Domain.Common;

namespace Examens.Domain.Regles;

public enum Acteur
{
    Candidat,
    Gestionnaire,
}

/// <summary>
/// P22, R60: the candidate edits freely while the window is open, and every save makes a numbered version. After the
/// close only an officer changes a registration, with a reason for the audit trail; after convocations, nobody.
/// </summary>
public static class ModificationInscription
{
    public static ErreurRegle? Verifier(
        Acteur acteur,
        DateTimeOffset instant,
        FenetreInscription fenetre,
        bool convocationsPubliees,
        string? motif)
    {
        ArgumentNullException.ThrowIfNull(fenetre);
        if (convocationsPubliees)
        {
            return new ErreurRegle("P22", "CONVOCATIONS_PUBLISHED",
                "Les convocations sont publiées : l'inscription ne peut plus être modifiée (R60).", null);
        }

        var position = fenetre.Position(instant);
        return acteur switch
        {
            Acteur.Candidat => position switch
            {
                PositionDansFenetre.AvantOuverture => new ErreurRegle("P12", "WINDOW_NOT_OPEN",
                    $"Les inscriptions ouvrent le {Francais.DateHeure(fenetre.OuvertureLocale)} (heure locale de l'académie).", null),
                PositionDansFenetre.Ouverte => null,
                PositionDansFenetre.Fermee => new ErreurRegle("P22", "WINDOW_CLOSED",
                    $"Les inscriptions sont closes depuis le {Francais.DateHeure(fenetre.FermetureLocale)} (heure locale de l'académie) : seul le service des examens peut encore modifier l'inscription.", null),
            },
            Acteur.Gestionnaire => position == PositionDansFenetre.Fermee && string.IsNullOrWhiteSpace(motif)
                ? new ErreurRegle("P22", "REASON_REQUIRED",
                    "Après la clôture, toute modification par le service des examens doit être motivée.", "motif")
                : null,
        };
    }
}
