using System.Globalization;
using System.Text.Json;
using Examens.Core.Inscriptions;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Examens.Domain.Regles;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Exports;

/// <summary>
/// The submitted registrations of one academy of a session, grouped for the people who organise the exams. Rows come
/// from the latest submitted version (what the candidate signed, not a draft in progress); drafts and withdrawn
/// registrations are not in any list. An academy outside the officer's scope gives nothing (null), as if absent.
/// </summary>
public sealed class ChargerListe(ExamensDbContext db, TimeProvider horloge)
{
    public async Task<ListeInscriptions?> ExecuterAsync(string compteId, bool administrateur, int academieSessionId, TypeListe type, CancellationToken annulation)
    {
        var academie = await Perimetre.Academies(db, compteId, administrateur)
            .Include(a => a.Session)
            .FirstOrDefaultAsync(a => a.Id == academieSessionId, annulation).ConfigureAwait(false);
        if (academie is null)
        {
            return null;
        }

        var inscriptions = await db.Inscriptions
            .Where(i => i.AcademieSessionId == academie.Id && i.Etat == EtatInscription.Soumise)
            .Include(i => i.Versions)
            .AsSplitQuery()
            .ToListAsync(annulation).ConfigureAwait(false);
        var zone = academie.FuseauHoraire;
        var lignes = new List<LigneListe>();
        foreach (var inscription in inscriptions)
        {
            var version = inscription.Versions.OrderByDescending(v => v.Numero).FirstOrDefault();
            if (version is null || JsonSerializer.Deserialize<ContenuVersion>(version.Contenu, SerialisationInscription.Options) is not { } contenu)
            {
                continue;
            }

            var d = contenu.Donnees;
            var soumise = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(version.SoumiseLeUtc, DateTimeKind.Utc), zone);
            var forme = Forme(d.Forme);
            var ligne = new LigneListe("", inscription.Numero, contenu.Nom, contenu.Prenoms, contenu.DateNaissance, d.Specialite, d.Option, forme,
                d.LangueObligatoire, string.Join(", ", d.LanguesFacultatives), soumise);
            lignes.AddRange(Groupes(type, d, forme).Select(g => ligne with { Groupe = g }));
        }

        var francais = StringComparer.Create(Francais.Culture, CompareOptions.IgnoreCase);
        var triees = lignes
            .OrderBy(l => l.Groupe, francais).ThenBy(l => l.Nom, francais).ThenBy(l => l.Prenoms, francais).ThenBy(l => l.Numero, StringComparer.Ordinal)
            .ToList();
        var maintenant = TimeZoneInfo.ConvertTime(horloge.GetUtcNow(), zone).DateTime;
        return new ListeInscriptions(type, academie.Session.Libelle, academie.Code, academie.Nom, academie.Fuseau, maintenant, triees);
    }

    public static string Forme(FormePassage? forme) => forme switch
    {
        FormePassage.Globale => "globale",
        FormePassage.Progressive => "progressive",
        _ => "non choisie",
    };

    /// <summary>
    /// The groups a registration belongs to. By language it is listed once under its compulsory language and once under
    /// each optional one, since each is a separate épreuve to organise.
    /// </summary>
    private static IEnumerable<string> Groupes(TypeListe type, DonneesInscription d, string forme) => type switch
    {
        TypeListe.Specialite => [d.Specialite],
        TypeListe.Option => [string.IsNullOrWhiteSpace(d.Option) ? $"{d.Specialite} (sans option)" : $"{d.Specialite} – option {d.Option}"],
        TypeListe.Forme => [forme],
        TypeListe.Langue => Langues(d),
        _ => [""],
    };

    private static IEnumerable<string> Langues(DonneesInscription d)
    {
        if (!string.IsNullOrWhiteSpace(d.LangueObligatoire))
        {
            yield return $"{d.LangueObligatoire} (obligatoire)";
        }

        foreach (var langue in d.LanguesFacultatives.Where(l => !string.IsNullOrWhiteSpace(l)))
        {
            yield return $"{langue} (facultative)";
        }
    }
}
