using Examens.Core.Courriels;
using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Persistance;
using Examens.Domain.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Examens.Core.Convocations;

/// <summary>
/// Publishes the convocations of a whole session in one batch (R69): only when every submitted candidate's
/// convocation can be made (a centre, a date for each unit sat, the results date for the back, R62). Publishing locks
/// every registration of the session (P22, R60), puts the convocation on each candidate's home page and sends each
/// candidate one e-mail. Reserved to an administrator or an officer whose scope covers every academy of the session.
/// </summary>
public sealed partial class PublierConvocations(
    ExamensDbContext db, ConstruireConvocation construire, IEnvoiCourriel courriels, TimeProvider horloge, ILogger<PublierConvocations> journal,
    Sessions.AcademiesEnCache? academiesEnCache = null)
{
    public const int ErreursAffichees = 20;

    public sealed record Bilan(int Candidats, int CourrielsEnvoyes);

    public async Task<ResultatOperation<Bilan>> ExecuterAsync(string acteur, bool administrateur, int sessionId, string? adresseIp, CancellationToken annulation)
    {
        var session = await db.Sessions.AsNoTracking().Include(s => s.Academies).FirstOrDefaultAsync(s => s.Id == sessionId, annulation).ConfigureAwait(false);
        if (session is null)
        {
            return ResultatOperation.Echec<Bilan>(new ErreurRegle("R69", "NOT_FOUND", "Session introuvable.", null));
        }

        var academies = await AccesSession.AcademiesAsync(db, sessionId, acteur, administrateur, annulation).ConfigureAwait(false);
        if (session.Academies.Any(a => !academies.Contains(a.Code, StringComparer.Ordinal)))
        {
            return ResultatOperation.Echec<Bilan>(new ErreurRegle("R69", "FORBIDDEN",
                "La publication vaut pour toute la session : elle est réservée à un administrateur ou à un gestionnaire de toutes ses académies.", null));
        }

        if (session.ConvocationsPubliees)
        {
            return ResultatOperation.Echec<Bilan>(new ErreurRegle("R69", "ALREADY_PUBLISHED", "Les convocations de cette session sont déjà publiées.", null));
        }

        var inscriptions = await db.Inscriptions.AsNoTracking()
            .Where(i => i.AcademieSession.SessionId == sessionId && i.Etat == EtatInscription.Soumise)
            .Include(i => i.AcademieSession).ThenInclude(a => a.Session)
            .OrderBy(i => i.Numero)
            .ToListAsync(annulation).ConfigureAwait(false);
        if (inscriptions.Count == 0)
        {
            return ResultatOperation.Echec<Bilan>(new ErreurRegle("R69", "NO_CANDIDATE", "Aucune inscription soumise dans cette session : rien à publier.", null));
        }

        await VersionsCourantes.JoindreAsync(db, inscriptions, annulation).ConfigureAwait(false);
        var contexte = await construire.ContexteAsync(sessionId, null, annulation).ConfigureAwait(false);
        var erreurs = inscriptions.SelectMany(i => construire.Donnees(i, contexte).Erreurs).DistinctBy(e => e.Message).ToList();
        if (erreurs.Count > 0)
        {
            var affichees = erreurs.Take(ErreursAffichees).ToList();
            if (erreurs.Count > ErreursAffichees)
            {
                affichees.Add(new ErreurRegle("R69", "MORE", $"… et {erreurs.Count - ErreursAffichees} autre(s) problème(s).", null));
            }

            return ResultatOperation.Echec<Bilan>(affichees);
        }

        var instant = horloge.GetUtcNow().UtcDateTime;
        // One publication even if two officers click at once: the update only passes while nothing is published.
        var publiee = await db.Sessions.Where(s => s.Id == sessionId && !s.ConvocationsPubliees)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.ConvocationsPubliees, true).SetProperty(x => x.ConvocationsPublieesLeUtc, instant), annulation)
            .ConfigureAwait(false);
        // A bulk update is not seen by the save interceptor: the home pages of this node show the convocation at once.
        academiesEnCache?.Invalider();
        if (publiee == 0)
        {
            return ResultatOperation.Echec<Bilan>(new ErreurRegle("R69", "ALREADY_PUBLISHED", "Les convocations de cette session sont déjà publiées.", null));
        }

        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = instant,
            Acteur = acteur,
            Action = "convocations.publiees",
            Cible = $"session:{sessionId}",
            Apres = $"{inscriptions.Count} convocation(s) ; inscriptions verrouillées (P22)",
            Adresse = adresseIp,
        });
        await db.SaveChangesAsync(annulation).ConfigureAwait(false);

        var ids = inscriptions.Select(i => i.CandidatId).Distinct().ToList();
        var adresses = await db.Users.AsNoTracking().Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Email, annulation).ConfigureAwait(false);
        var envoyes = 0;
        foreach (var i in inscriptions)
        {
            if (adresses.GetValueOrDefault(i.CandidatId) is { } adresse && await EnvoyerAsync(Courriel(adresse, i), annulation).ConfigureAwait(false))
            {
                envoyes++;
            }
        }

        return ResultatOperation.Succes(new Bilan(inscriptions.Count, envoyes));
    }

    private static Courriel Courriel(string adresse, Inscription i) => new(adresse,
        $"Votre convocation – {i.AcademieSession.Session.Libelle}", $"""
        Bonjour,

        Votre convocation aux épreuves du {i.AcademieSession.Session.Libelle} ({i.AcademieSession.Nom}) est disponible.
        Candidat n° {i.Numero}.

        Téléchargez-la depuis votre espace candidat (rubrique « Mon espace ») : elle indique votre centre d'examen,
        les unités que vous présentez avec leurs dates et horaires, et, au dos, la date de publication des résultats.

        Votre inscription ne peut plus être modifiée.

        Le service des examens
        """);

    private async Task<bool> EnvoyerAsync(Courriel courriel, CancellationToken annulation)
    {
        try
        {
            await courriels.EnvoyerAsync(courriel, annulation).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // the publication stands; the officer is told how many mails could not leave.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            JournalEchec(journal, e.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Courriel de convocation non envoyé ({Erreur}).")]
    private static partial void JournalEchec(ILogger journal, string erreur);
}
