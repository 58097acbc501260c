namespace Examens.Core.Inscriptions;

/// <summary>The usual reasons for rejecting a document; the officer may add a free text to any of them, or write their own.</summary>
public static class MotifsRefus
{
    public static readonly IReadOnlyList<string> Usuels =
    [
        "Illisible",
        "Incomplet",
        "Périmé",
        "Pas le bon document",
        "Nom différent de l'inscription",
    ];
}
