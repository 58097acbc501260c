using Examens.Core.Courriels;
using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Examens.Core.Resultats;

/// <summary>
/// Once a session's publication instant has come, tells each candidate by e-mail that their results are on the portal
/// (the e-mail carries no grade nor decision: results are read signed in, R62). Exactly once per registration, even
/// with several nodes: a registration is claimed in the database (a conditional update) before its e-mail leaves; a
/// failed send releases the claim so the next pass retries it.
/// </summary>
public sealed partial class EnvoyerCourrielsResultats(ExamensDbContext db, IEnvoiCourriel courriels, TimeProvider horloge, ILogger<EnvoyerCourrielsResultats> journal)
{
    public const int TailleLot = 500;

    /// <returns>The number of e-mails sent in this pass.</returns>
    public async Task<int> ExecuterAsync(IProgress<int>? progression, CancellationToken annulation)
    {
        var maintenant = horloge.GetUtcNow().UtcDateTime;
        var envoyes = 0;
        while (true)
        {
            var lot = await (
                    from r in db.ResultatsInscriptions
                    join i in db.Inscriptions on r.InscriptionId equals i.Id
                    join p in db.PublicationsResultats on i.AcademieSession.SessionId equals p.SessionId
                    join c in db.Users on i.CandidatId equals c.Id
                    where r.CourrielPublicationLeUtc == null && p.PublicationUtc != null && p.PublicationUtc <= maintenant
                    orderby r.InscriptionId
                    select new { r.InscriptionId, c.Email, Session = i.AcademieSession.Session.Libelle })
                .Take(TailleLot).AsNoTracking().ToListAsync(annulation).ConfigureAwait(false);
            if (lot.Count == 0)
            {
                return envoyes;
            }

            var echecs = 0;
            foreach (var l in lot)
            {
                var pris = await db.ResultatsInscriptions
                    .Where(r => r.InscriptionId == l.InscriptionId && r.CourrielPublicationLeUtc == null)
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.CourrielPublicationLeUtc, maintenant), annulation).ConfigureAwait(false);
                if (pris == 0 || string.IsNullOrEmpty(l.Email))
                {
                    continue;
                }

                try
                {
                    await courriels.EnvoyerAsync(Courriel(l.Email, l.Session), annulation).ConfigureAwait(false);
                    envoyes++;
                    progression?.Report(envoyes);
                }
#pragma warning disable CA1031 // one failed e-mail is retried at the next pass; the others still leave.
                catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
                {
                    echecs++;
                    JournalEchec(journal, e.GetType().Name);
                    await db.ResultatsInscriptions.Where(r => r.InscriptionId == l.InscriptionId)
                        .ExecuteUpdateAsync(s => s.SetProperty(r => r.CourrielPublicationLeUtc, (DateTime?)null), annulation).ConfigureAwait(false);
                }
            }

            if (echecs == lot.Count)
            {
                return envoyes; // the mail server is down: stop this pass rather than loop on the same batch
            }
        }
    }

    public static Courriel Courriel(string adresse, string session) => new(adresse, $"Vos résultats du {session} sont publiés", $"""
        Bonjour,

        Les résultats du {session} sont publiés. Connectez-vous au portail des examens, rubrique « Mes résultats », pour
        consulter votre résultat et télécharger votre relevé de notes.

        Aucun résultat n'est donné par téléphone ni par courriel.

        Le service des examens
        """);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Courriel de publication des résultats non envoyé ({Erreur}) ; nouvel essai au prochain passage.")]
    private static partial void JournalEchec(ILogger journal, string erreur);
}
