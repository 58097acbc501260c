namespace Examens.Core.Comptes;

/// <summary>
/// One academy in an officer's scope: an officer sees and reviews only the registrations of these academies (by the
/// academy's code, so the scope carries over from one session to the next).
/// </summary>
public sealed class PerimetreGestionnaire
{
    public int Id { get; set; }

    public string CompteId { get; set; } = "";

    public string CodeAcademie { get; set; } = "";
}
