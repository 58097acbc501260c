using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Inscriptions;

/// <summary>
/// Every candidate-scoped read goes through here: a registration is found only with its owner's id, so another
/// candidate's identifiers find nothing (and the page answers 404).
/// </summary>
public static class ChargerInscription
{
    public static Task<Inscription?> DuCandidatAsync(ExamensDbContext db, string candidatId, Guid inscriptionId, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Inscriptions
            .Include(i => i.AcademieSession).ThenInclude(a => a.Session)
            .Include(i => i.Versions)
            .Include(i => i.Pieces)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == inscriptionId && i.CandidatId == candidatId, annulation);
    }
}
