using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Exports;

/// <summary>
/// Counts the registrations of the academies a member of staff may see (all of them, or the one chosen). A file is
/// complete when it is submitted and every required document is accepted (the same rule as the files list); the days
/// are the academy's local days from the opening to the close of its window, and a registration counts on the day of
/// its first submission (a resubmission is a new version of the same registration, not a new one).
/// </summary>
public sealed class CalculerTableauDeBord(ExamensDbContext db, VerifierBrouillon verificateur, TimeProvider horloge)
{
    public async Task<TableauDeBord> ExecuterAsync(string compteId, bool administrateur, int? academieSessionId, CancellationToken annulation)
    {
        var academies = await Perimetre.Academies(db, compteId, administrateur)
            .Where(a => academieSessionId == null || a.Id == academieSessionId)
            .Include(a => a.Session)
            .ToListAsync(annulation).ConfigureAwait(false);
        var ids = academies.Select(a => a.Id).ToList();
        var inscriptions = await db.Inscriptions
            .Where(i => ids.Contains(i.AcademieSessionId))
            .Include(i => i.Versions)
            .Include(i => i.Pieces)
            .AsSplitQuery()
            .ToListAsync(annulation).ConfigureAwait(false);
        var parId = academies.ToDictionary(a => a.Id);
        foreach (var i in inscriptions)
        {
            i.AcademieSession = parId[i.AcademieSessionId];
        }

        var soumises = inscriptions.Where(i => i.Etat == EtatInscription.Soumise).ToList();
        var candidatsIds = soumises.Select(i => i.CandidatId).Distinct().ToList();
        var comptes = await db.Users.Where(u => candidatsIds.Contains(u.Id)).ToDictionaryAsync(u => u.Id, annulation).ConfigureAwait(false);
        var maintenant = horloge.GetUtcNow();
        var complets = soumises.Count(i => comptes.TryGetValue(i.CandidatId, out var c) && EtatDossier.Construire(i, c, verificateur, maintenant).Complet);

        return new TableauDeBord(
            [
                new("brouillon", inscriptions.Count(i => i.Etat == EtatInscription.Brouillon)),
                new("soumise", soumises.Count),
                new("retirée", inscriptions.Count(i => i.Etat == EtatInscription.Retiree)),
            ],
            complets,
            soumises.Count - complets,
            Grouper(soumises, i => i.Specialite ?? "non choisie"),
            Grouper(soumises, i => ChargerListe.Forme(i.Forme)),
            ParJour(academies, inscriptions));
    }

    private static List<Effectif> Grouper(IEnumerable<Inscription> inscriptions, Func<Inscription, string> cle) =>
        [.. inscriptions.GroupBy(cle, StringComparer.Ordinal).Select(g => new Effectif(g.Key, g.Count())).OrderBy(c => c.Libelle, StringComparer.Ordinal)];

    private static List<SoumissionsDuJour> ParJour(List<Sessions.AcademieSession> academies, List<Inscription> inscriptions)
    {
        if (academies.Count == 0)
        {
            return [];
        }

        var premier = academies.Min(a => DateOnly.FromDateTime(a.OuvertureLocale));
        var dernier = academies.Max(a => DateOnly.FromDateTime(a.FermetureLocale));
        var jours = new SortedDictionary<DateOnly, int>();
        for (var j = premier; j <= dernier; j = j.AddDays(1))
        {
            jours[j] = 0;
        }

        foreach (var i in inscriptions)
        {
            if (i.Versions.OrderBy(v => v.Numero).FirstOrDefault() is { } v)
            {
                var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(v.SoumiseLeUtc, DateTimeKind.Utc), i.AcademieSession.FuseauHoraire);
                var jour = DateOnly.FromDateTime(local);
                jours[jour] = jours.GetValueOrDefault(jour) + 1;
            }
        }

        return [.. jours.Select(j => new SoumissionsDuJour(j.Key, j.Value))];
    }
}
