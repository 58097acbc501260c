using Examens.Core.Persistance;

namespace Examens.Core.Journal;

/// <summary>
/// Writes one trail entry about a registration (or the candidate's account), added to the same unit of work as the
/// change it describes: both are saved together or not at all.
/// </summary>
public static class TraceInscription
{
    /// <summary>The actor of an entry written by the candidate themself.</summary>
    public const string Candidat = "candidat";

    public static string Cible(Guid inscriptionId) => $"inscription:{inscriptionId}";

    public static string CibleCompte(string compteId) => $"compte:{compteId}";

    public static void Ajouter(
        ExamensDbContext db, DateTimeOffset instant, string acteur, string action, string cible, string? avant, string? apres, string? motif, string? adresse)
    {
        ArgumentNullException.ThrowIfNull(db);
        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = instant.UtcDateTime,
            Acteur = acteur,
            Action = action,
            Cible = cible,
            Avant = Borner(avant),
            Apres = Borner(apres),
            Motif = motif is { Length: > 2000 } ? motif[..2000] : motif,
            Adresse = adresse,
        });
    }

    // A full before/after of a registration can be long; the column is text but the trail stays readable.
    private static string? Borner(string? texte) => texte is { Length: > 8000 } ? texte[..8000] + "…" : texte;
}
