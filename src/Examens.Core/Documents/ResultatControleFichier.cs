namespace Examens.Core.Documents;

/// <summary>
/// What <see cref="ControleFichier"/> found: the type recognised from the content (when it got that far), the number
/// of bytes read, and the reason in French when the file is refused.
/// </summary>
public sealed record ResultatControleFichier(TypeFichier? Type, long Taille, string? Erreur)
{
    public bool EstValide => Erreur is null;
}
