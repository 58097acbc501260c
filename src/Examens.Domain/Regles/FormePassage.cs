namespace Examens.Domain.Regles;

/// <summary>The two exam forms (R8): all units in one session, or unit by unit.</summary>
public enum FormePassage
{
    Globale,
    Progressive,
}
