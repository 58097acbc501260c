using Examens.Core.Exports;
using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Web.Gestion;

/// <summary>The academies a member of staff may choose on the exports and dashboard pages, labelled "session – academy".</summary>
public static class AcademiesPerimetre
{
    public sealed record Choix(int Id, string Libelle);

    public static async Task<IReadOnlyList<Choix>> ChargerAsync(ExamensDbContext db, string compteId, bool administrateur, CancellationToken annulation)
    {
        var academies = await Perimetre.Academies(db, compteId, administrateur)
            .OrderByDescending(a => a.Session.Annee).ThenBy(a => a.SessionId).ThenBy(a => a.Code)
            .Select(a => new { a.Id, Session = a.Session.Libelle, a.Nom })
            .ToListAsync(annulation);
        return [.. academies.Select(a => new Choix(a.Id, $"{a.Session} – {a.Nom}"))];
    }
}
