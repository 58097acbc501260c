using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Convocations;

/// <summary>
/// Attaches to untracked registrations their current (latest) version only: a plan reads that one, and a session's
/// earlier versions are not worth reading. (A filtered Include cannot compare with the parent's column.)
/// </summary>
public static class VersionsCourantes
{
    public static async Task JoindreAsync(ExamensDbContext db, IReadOnlyList<Inscription> inscriptions, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(inscriptions);
        var parId = inscriptions.ToDictionary(i => i.Id);
        foreach (var lot in parId.Keys.Chunk(500))
        {
            var versions = await db.VersionsInscription.AsNoTracking()
                .Where(v => lot.Contains(v.InscriptionId) && db.Inscriptions.Any(i => i.Id == v.InscriptionId && i.DerniereVersion == v.Numero))
                .ToListAsync(annulation).ConfigureAwait(false);
            foreach (var v in versions)
            {
                parId[v.InscriptionId].Versions = [v];
            }
        }
    }
}
