using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Comptes;

/// <summary>An administrator changes the academies of an officer (at least one, each known in the database); written in the trail.</summary>
public sealed class ModifierPerimetre(ExamensDbContext db, TimeProvider horloge)
{
    public async Task<ResultatOperation<IReadOnlyList<string>>> ExecuterAsync(
        string compteId, IReadOnlyList<string> codes, string acteurId, string? adresse, CancellationToken annulation)
    {
        var membre = await Personnel.TrouverAsync(db, compteId, annulation).ConfigureAwait(false);
        if (membre is null)
        {
            return ResultatOperation.Echec<IReadOnlyList<string>>(new ErreurRegle("", "NOT_FOUND", "Membre du personnel introuvable.", null));
        }

        if (membre.Role != RolesPersonnel.Gestionnaire)
        {
            return ResultatOperation.Echec<IReadOnlyList<string>>(new ErreurRegle("", "NOT_AN_OFFICER",
                "Un administrateur voit toutes les académies : seules celles d'un gestionnaire se choisissent.", "Academies"));
        }

        var nouvelles = (codes ?? []).Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var connues = (await Personnel.AcademiesConnuesAsync(db, annulation).ConfigureAwait(false)).Select(a => a.Code).ToHashSet(StringComparer.Ordinal);
        if (nouvelles.Count == 0)
        {
            return ResultatOperation.Echec<IReadOnlyList<string>>(new ErreurRegle("", "SCOPE_REQUIRED",
                "Un gestionnaire garde au moins une académie : cochez-en une, ou désactivez le compte.", "Academies"));
        }

        if (nouvelles.FirstOrDefault(c => !connues.Contains(c)) is { } inconnue)
        {
            return ResultatOperation.Echec<IReadOnlyList<string>>(new ErreurRegle("", "SCOPE_UNKNOWN", $"L'académie « {inconnue} » n'existe dans aucune session.", "Academies"));
        }

        if (nouvelles.SequenceEqual(membre.Academies))
        {
            return ResultatOperation.Succes<IReadOnlyList<string>>(nouvelles);
        }

        var actuelles = await db.PerimetresGestionnaires.Where(p => p.CompteId == compteId).ToListAsync(annulation).ConfigureAwait(false);
        db.PerimetresGestionnaires.RemoveRange(actuelles.Where(p => !nouvelles.Contains(p.CodeAcademie)));
        db.PerimetresGestionnaires.AddRange(nouvelles.Where(c => actuelles.All(p => p.CodeAcademie != c))
            .Select(c => new PerimetreGestionnaire { CompteId = compteId, CodeAcademie = c }));
        db.Journal.Add(Personnel.Entree(horloge.GetUtcNow().UtcDateTime, acteurId, "compte.perimetre.modifie", compteId,
            Personnel.DecrireAcademies(membre.Academies), Personnel.DecrireAcademies(nouvelles), adresse));
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes<IReadOnlyList<string>>(nouvelles);
    }
}
