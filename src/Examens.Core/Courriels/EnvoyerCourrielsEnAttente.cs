using Examens.Core.Persistance;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Examens.Core.Courriels;

/// <summary>
/// One pass over the outbox (<see cref="CourrielEnAttente"/>): the e-mails due are claimed a lot at a time by one
/// conditional update (free, or their claim expired), sent, then deleted a few at a time. Any number of nodes may run
/// passes at once: a row is claimed by one only. A node that dies after its claim leaves the rows to another pass once
/// the claim expires, so nothing is lost; the only repeats possible are the last e-mails (at most
/// <see cref="SuppressionsGroupees"/>) a node sent before it died, not yet deleted. A refused e-mail is retried later,
/// with a growing delay, and never dropped.
/// </summary>
public sealed partial class EnvoyerCourrielsEnAttente(ExamensDbContext db, IEnvoiCourriel courriels, TimeProvider horloge, ILogger<EnvoyerCourrielsEnAttente> journal)
{
    /// <summary>How long a claim holds: longer than any lot takes to send (the SMTP client gives up well before).</summary>
    public static readonly TimeSpan Reservation = TimeSpan.FromMinutes(2);

    public const int TailleLot = 200;

    /// <summary>
    /// Sent e-mails are deleted by groups of this many: at the rush (one e-mail per submission) a statement per e-mail
    /// costs the database as much as the submission's own; a node dying in a group sends its group again.
    /// </summary>
    public const int SuppressionsGroupees = 20;

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

            var pris = await ReserverAsync(dus, detenteur, maintenant, annulation).ConfigureAwait(false);
            var echecs = 0;
            var aSupprimer = new List<long>(SuppressionsGroupees);
            try
            {
                foreach (var courriel in pris)
                {
                    try
                    {
                        await courriels.EnvoyerAsync(new Courriel(courriel.Destinataire, courriel.Objet, courriel.Texte), annulation).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        echecs++;
                        await ReporterAsync(courriel, detenteur, maintenant, e).ConfigureAwait(false);
                        continue;
                    }

                    envoyes++;
                    aSupprimer.Add(courriel.Id);
                    if (aSupprimer.Count == SuppressionsGroupees)
                    {
                        await SupprimerAsync(aSupprimer).ConfigureAwait(false);
                    }
                }
            }
            finally
            {
                // Also when the pass is stopped mid-lot: what was sent is deleted, the rest waits for its claim to expire.
                await SupprimerAsync(aSupprimer).ConfigureAwait(false);
            }

            if (echecs > 0 && echecs == pris.Count)
            {
                return envoyes; // the mail server is down: the retries are scheduled, stop this pass
            }
        }
    }

    /// <summary>Claims the lot in one statement; the rows another pass took meanwhile are left out.</summary>
    private async Task<List<CourrielEnAttente>> ReserverAsync(List<CourrielEnAttente> dus, string detenteur, DateTime maintenant, CancellationToken annulation)
    {
        var fin = maintenant + Reservation;
        var ids = dus.ConvertAll(c => c.Id);
        var pris = await db.CourrielsEnAttente
            .Where(c => ids.Contains(c.Id) && (c.ReserveJusquAUtc == null || c.ReserveJusquAUtc <= maintenant))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Detenteur, detenteur).SetProperty(c => c.ReserveJusquAUtc, fin), annulation)
            .ConfigureAwait(false);
        if (pris == dus.Count)
        {
            return dus;
        }

        // Another node's pass took some: this claim's rows are those with this holder and this claim's end.
        var miens = (await db.CourrielsEnAttente.AsNoTracking()
            .Where(c => ids.Contains(c.Id) && c.Detenteur == detenteur && c.ReserveJusquAUtc == fin)
            .Select(c => c.Id).ToListAsync(annulation).ConfigureAwait(false)).ToHashSet();
        return dus.FindAll(c => miens.Contains(c.Id));
    }

    /// <summary>Sent: not cancellable, or a stop right now would send them again after the claim expires.</summary>
    private async Task SupprimerAsync(List<long> ids)
    {
        if (ids.Count == 0)
        {
            return;
        }

        await db.CourrielsEnAttente.Where(c => ids.Contains(c.Id)).ExecuteDeleteAsync(CancellationToken.None).ConfigureAwait(false);
        ids.Clear();
    }

    private async Task ReporterAsync(CourrielEnAttente courriel, string detenteur, DateTime maintenant, Exception e)
    {
        // The type and SMTP status only: a server's refusal text often quotes the recipient's address.
        var statut = e is SmtpCommandException smtp ? ((int)smtp.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
        var erreur = $"{e.GetType().Name}, statut SMTP {statut}";
        var prochain = maintenant + Delai(courriel.Essais + 1);
        await db.CourrielsEnAttente.Where(c => c.Id == courriel.Id && c.Detenteur == detenteur)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Essais, c => c.Essais + 1).SetProperty(c => c.ProchainEssaiUtc, prochain)
                .SetProperty(c => c.ReserveJusquAUtc, (DateTime?)null).SetProperty(c => c.DerniereErreur, erreur), CancellationToken.None)
            .ConfigureAwait(false);
        JournalEchec(journal, courriel.Id, courriel.Essais + 1, erreur);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Courriel en attente {Id} non envoyé (essai {Essais}) : {Erreur} ; nouvel essai plus tard.")]
    private static partial void JournalEchec(ILogger journal, long id, int essais, string erreur);
}
