using Examens.Core.Journal;
using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Comptes;

/// <summary>What the staff use cases share: who is staff, the academies known in the database, the trail entry.</summary>
public static class Personnel
{
    public sealed record Membre(Compte Compte, string Role, IReadOnlyList<string> Academies);

    /// <summary>Every staff account with its role and its academies (an account in both roles counts as administrator).</summary>
    public static async Task<IReadOnlyList<Membre>> ListerAsync(ExamensDbContext db, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where r.Name == RolesPersonnel.Administrateur || r.Name == RolesPersonnel.Gestionnaire
                           select new { ur.UserId, r.Name }).ToListAsync(annulation).ConfigureAwait(false);
        var ids = roles.Select(r => r.UserId).Distinct().ToList();
        var comptes = await db.Users.Where(u => ids.Contains(u.Id)).ToListAsync(annulation).ConfigureAwait(false);
        var perimetres = await db.PerimetresGestionnaires.Where(p => ids.Contains(p.CompteId)).ToListAsync(annulation).ConfigureAwait(false);
        return [.. comptes
            .Select(c => new Membre(
                c,
                roles.Any(r => r.UserId == c.Id && r.Name == RolesPersonnel.Administrateur) ? RolesPersonnel.Administrateur : RolesPersonnel.Gestionnaire,
                [.. perimetres.Where(p => p.CompteId == c.Id).Select(p => p.CodeAcademie).Order(StringComparer.Ordinal)]))
            .OrderBy(m => m.Compte.Nom, StringComparer.Create(Domain.Common.Francais.Culture, true))
            .ThenBy(m => m.Compte.Email, StringComparer.Ordinal)];
    }

    public static async Task<Membre?> TrouverAsync(ExamensDbContext db, string compteId, CancellationToken annulation) =>
        (await ListerAsync(db, annulation).ConfigureAwait(false)).FirstOrDefault(m => m.Compte.Id == compteId);

    /// <summary>The academy codes known in the database (every session), with the latest name for each.</summary>
    public static async Task<IReadOnlyList<(string Code, string Nom)>> AcademiesConnuesAsync(ExamensDbContext db, CancellationToken annulation)
    {
        ArgumentNullException.ThrowIfNull(db);
        var academies = await db.AcademiesSessions.Select(a => new { a.Code, a.Nom, a.Id }).ToListAsync(annulation).ConfigureAwait(false);
        return [.. academies.GroupBy(a => a.Code, StringComparer.Ordinal)
            .Select(g => (g.Key, g.MaxBy(a => a.Id)!.Nom))
            .OrderBy(a => a.Key, StringComparer.Ordinal)];
    }

    /// <summary>One trail entry about a staff account; never a password, a key or a code in it.</summary>
    public static EvenementJournal Entree(DateTime instantUtc, string acteur, string action, string compteId, string? avant, string? apres, string? adresse) => new()
    {
        InstantUtc = instantUtc,
        Acteur = acteur,
        Action = action,
        Cible = $"compte:{compteId}",
        Avant = avant,
        Apres = apres,
        Adresse = adresse,
    };

    public static string DecrireAcademies(IEnumerable<string> codes) =>
        codes.Any() ? string.Join(", ", codes.Order(StringComparer.Ordinal)) : "aucune";

    public static string DecrireEtat(Compte compte)
    {
        ArgumentNullException.ThrowIfNull(compte);
        return $"{(compte.Desactive ? "désactivé" : "actif")}, second facteur {(compte.TwoFactorEnabled ? "enrôlé" : "à enrôler")}";
    }
}
