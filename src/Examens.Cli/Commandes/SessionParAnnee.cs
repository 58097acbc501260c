using System.Globalization;
using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Examens.Cli.Commandes;

/// <summary>The session a year names: the real one of that year (a demonstration session only when it is the only one).</summary>
internal static class SessionParAnnee
{
    public static async Task<(SessionExamen? Session, string? Erreur)> TrouverAsync(ExamensDbContext db, string annee)
    {
        if (!int.TryParse(annee, NumberStyles.None, CultureInfo.InvariantCulture, out var a))
        {
            return (null, "l'année est un nombre, par exemple 2024.");
        }

        var sessions = await db.Sessions.AsNoTracking().Where(s => s.Annee == a).OrderBy(s => s.Demonstration).ThenBy(s => s.Id).ToListAsync().ConfigureAwait(false);
        var reelles = sessions.Where(s => !s.Demonstration).ToList();
        var candidates = reelles.Count > 0 ? reelles : sessions;
        return candidates.Count switch
        {
            0 => (null, $"aucune session {a} dans cette base."),
            1 => (candidates[0], null),
            _ => (null, $"plusieurs sessions {a} : {string.Join(" ; ", candidates.Select(s => s.Libelle))}."),
        };
    }

    public static string Chaine(string? chaine) =>
        chaine ?? Environment.GetEnvironmentVariable("ConnectionStrings__Examens") ?? PersistanceExtensions.ChaineSqliteParDefaut(Path.GetFullPath(".data"));

    public static ExamensDbContext Contexte(string chaine)
    {
        var options = new DbContextOptionsBuilder<ExamensDbContext>();
        PersistanceExtensions.Configurer(options, chaine);
        return new ExamensDbContext(options.Options);
    }
}
