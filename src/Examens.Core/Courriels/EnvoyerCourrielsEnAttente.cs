using Examens.Core.Persistance;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Examens.Core.Courriels;

/// <summary>
/// One pass over the outbox (<see cref="CourrielEnAttente"/>): every e-mail due is claimed by a conditional update
/// (free, or its claim expired), sent, then deleted. Any number of nodes may run passes at once: a row is claimed by
/// one only. A node that dies after its claim leaves the row to another pass once the claim expires, so nothing is
/// lost; the only repeat possible is a node dying between the mail server's acceptance and the delete. A refused
/// e-mail is retried later, with a growing delay, and never dropped.
/// </summary>
public sealed partial class EnvoyerCourrielsEnAttente(ExamensDbContext db, IEnvoiCourriel courriels, TimeProvider horloge, ILogger<EnvoyerCourrielsEnAttente> journal)
{
    /// <summary>How long a claim holds: longer than any send (the SMTP client gives up well before).</summary>
    public static readonly TimeSpan Reservation = TimeSpan.FromMinutes(2);

    public const int TailleLot = 200;

    /// <summary>The delay before the next try after <paramref name="essais"/> failures: 30 s, 1 min, 2 min… up to 1 hour.</summary>
    public static TimeSpan Delai(int essais) => TimeSpan.FromSeconds(Math.Min(3600, 30 * Math.Pow(2, Math.Max(0, essais - 1))));

    /// <returns>The number of e-mails sent.</returns>
    public async Task<int> ExecuterAsync(string detenteur, CancellationToken annulation)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(detenteur);
        var envoyes = 0;
        while (true)
        {
            var maintenant = horloge.GetUtcNow().UtcDateTime;
            var dus = await db.CourrielsEnAttente.AsNoTracking()
                .Where(c => c.ProchainEssaiUtc <= maintenant && (c.ReserveJusquAUtc == null || c.ReserveJusquAUtc <= maintenant))
                .OrderBy(c => c.Id).Take(TailleLot)
                .ToListAsync(annulation).ConfigureAwait(false);
            if (dus.Count == 0)
            {
                return envoyes;
            }

            var echecs = 0;
            foreach (var courriel in dus)
            {
                var fin = maintenant + Reservation;
                var pris = await db.CourrielsEnAttente
                    .Where(c => c.Id == courriel.Id && (c.ReserveJusquAUtc == null || c.ReserveJusquAUtc <= maintenant))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.Detenteur, detenteur).SetProperty(c => c.ReserveJusquAUtc, fin), annulation)
                    .ConfigureAwait(false);
                if (pris == 0)
                {
                    continue; // another pass has it
                }

                try
                {
                    await courriels.EnvoyerAsync(new Courriel(courriel.Destinataire, courriel.Objet, courriel.Texte), annulation).ConfigureAwait(false);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    echecs++;
                    // The type and SMTP status only: a server's refusal text often quotes the recipient's address.
                    var statut = e is SmtpCommandException smtp ? ((int)smtp.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
                    var erreur = $"{e.GetType().Name}, statut SMTP {statut}";
                    var prochain = maintenant + Delai(courriel.Essais + 1);
                    await db.CourrielsEnAttente.Where(c => c.Id == courriel.Id && c.Detenteur == detenteur)
                        .ExecuteUpdateAsync(s => s.SetProperty(c => c.Essais, c => c.Essais + 1).SetProperty(c => c.ProchainEssaiUtc, prochain)
                            .SetProperty(c => c.ReserveJusquAUtc, (DateTime?)null).SetProperty(c => c.DerniereErreur, erreur), CancellationToken.None)
                        .ConfigureAwait(false);
                    JournalEchec(journal, courriel.Id, courriel.Essais + 1, erreur);
                    continue;
                }

                // Sent: not cancellable, or a stop right now would send it again after the claim expires.
                await db.CourrielsEnAttente.Where(c => c.Id == courriel.Id).ExecuteDeleteAsync(CancellationToken.None).ConfigureAwait(false);
                envoyes++;
            }

            if (echecs > 0 && echecs == dus.Count)
            {
                return envoyes; // the mail server is down: the retries are scheduled, stop this pass
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Courriel en attente {Id} non envoyé (essai {Essais}) : {Erreur} ; nouvel essai plus tard.")]
    private static partial void JournalEchec(ILogger journal, long id, int essais, string erreur);
}
