namespace Examens.Domain.Regles;

/// <summary>Route of preparation of the candidate (R46–R49, R70: the route in which training ends).</summary>
public enum StatutCandidat
{
    Individuel,
    EnseignementADistance,
    Apprenti,
    FormationProfessionnelleContinue,
    CifPtp,
}
