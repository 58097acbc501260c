using Examens.Domain.Common;
using Examens.Domain.Pieces;

namespace Examens.Domain.Inscriptions;

/// <summary>P16, P17: what happens to each compulsory unit this session.</summary>
public enum StatutPlan
{
    APasser,
    Benefice,
    Report,
    Dispense,
    PasCetteSession,
}

public sealed record LignePlan(string Unite, string Nom, StatutPlan Statut);

/// <summary>The outcome of checking a registration: valid exactly when there is no error.</summary>
public sealed record VerificationInscription(
    IReadOnlyList<ErreurRegle> Erreurs,
    IReadOnlyList<Avis> Avis,
    IReadOnlyList<PieceDemandee> Pieces,
    IReadOnlyList<LignePlan> Plan)
{
    public bool EstValide => Erreurs.Count == 0;
}
