using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Inscriptions;

/// <summary>
/// Every scoped read goes through here: a candidate finds a registration only with their own id, an officer only in
/// the academies of their scope (an administrator everywhere); anything else finds nothing (and the page answers 404).
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

    /// <summary>The registrations a member of staff may see: the academies of an officer's scope, or all for an administrator.</summary>
    public static IQueryable<Inscription> DuPerimetre(ExamensDbContext db, string compteId, bool administrateur)
    {
        ArgumentNullException.ThrowIfNull(db);
        return administrateur
            ? db.Inscriptions
            : db.Inscriptions.Where(i => db.PerimetresGestionnaires.Any(p => p.CompteId == compteId && p.CodeAcademie == i.AcademieSession.Code));
    }

    public static Task<Inscription?> DuPersonnelAsync(ExamensDbContext db, string compteId, bool administrateur, Guid inscriptionId, CancellationToken annulation) =>
        DuPerimetre(db, compteId, administrateur)
            .Include(i => i.AcademieSession).ThenInclude(a => a.Session)
            .Include(i => i.Versions)
            .Include(i => i.Pieces)
            .AsSplitQuery()
            .FirstOrDefaultAsync(i => i.Id == inscriptionId, annulation);
}
