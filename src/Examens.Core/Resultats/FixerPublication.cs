using System.Globalization;
using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Resultats;

/// <summary>
/// Sets the instant a locked session's results become visible to candidates. It can be moved until that instant
/// comes; once the results are out it stays. An instant already past publishes at once. In the trail.
/// </summary>
public sealed class FixerPublication(ExamensDbContext db, TimeProvider horloge)
{
    /// <summary>Publication instants are given in Paris time, the time of the SIEC and of most academies.</summary>
    public static readonly TimeZoneInfo Fuseau = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public async Task<ResultatOperation<PublicationResultats>> ExecuterAsync(int sessionId, DateTimeOffset instant, string acteurId, string? adresse, CancellationToken annulation)
    {
        var publication = await db.PublicationsResultats.FirstOrDefaultAsync(p => p.SessionId == sessionId, annulation).ConfigureAwait(false);
        if (publication is not { Verrouilles: true })
        {
            return Echec("RESULTS_NOT_LOCKED", "Verrouillez d'abord les résultats : on ne publie que des résultats qui ne changeront plus.");
        }

        var maintenant = horloge.GetUtcNow();
        if (publication.EstPublieA(maintenant))
        {
            return Echec("ALREADY_PUBLISHED", $"Les résultats sont déjà publiés depuis le {Local(publication.PublicationUtc!.Value)} : la date ne peut plus changer.");
        }

        var avant = publication.PublicationUtc is { } p ? Local(p) : null;
        publication.PublicationUtc = instant.UtcDateTime;
        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = maintenant.UtcDateTime,
            Acteur = acteurId,
            Action = "resultats.publication-fixee",
            Cible = $"session:{sessionId}",
            Avant = avant,
            Apres = Local(publication.PublicationUtc.Value),
            Adresse = adresse,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);
        return ResultatOperation.Succes(publication);
    }

    public static string Local(DateTime utc) =>
        Francais.DateHeure(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Fuseau)) + " (heure de Paris)";

    /// <summary>"AAAA-MM-JJTHH:MM" in Paris time, or with an explicit offset ("Z", "+02:00").</summary>
    public static DateTimeOffset? Lire(string? texte)
    {
        texte = texte?.Trim();
        if (string.IsNullOrEmpty(texte))
        {
            return null;
        }

        if (DateTime.TryParseExact(texte, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return Examens.Domain.Regles.HeureLocale.VersInstant(local, Fuseau);
        }

        return DateTimeOffset.TryParseExact(texte, ["yyyy-MM-dd'T'HH:mmzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm'Z'", "yyyy-MM-dd'T'HH:mm:ss'Z'"],
            CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var avecDecalage) ? avecDecalage : null;
    }

    private static ResultatOperation<PublicationResultats> Echec(string code, string message) =>
        ResultatOperation.Echec<PublicationResultats>(new ErreurRegle("", code, message, "publication"));
}
