using Examens.Domain.Common;

namespace Examens.Core.Inscriptions;

/// <summary>The outcome of a use case: a value, or the errors that say in French what is wrong (nothing was saved).</summary>
public sealed record ResultatOperation<T>(T? Valeur, IReadOnlyList<ErreurRegle> Erreurs)
{
    public bool Reussi => Erreurs.Count == 0;
}

public static class ResultatOperation
{
    public static ResultatOperation<T> Succes<T>(T valeur) => new(valeur, []);

    public static ResultatOperation<T> Echec<T>(params ErreurRegle[] erreurs) => new(default, erreurs);

    public static ResultatOperation<T> Echec<T>(IReadOnlyList<ErreurRegle> erreurs) => new(default, erreurs);
}
