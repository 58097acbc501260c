using System.Diagnostics;
using Examens.Core.Courriels;

namespace Examens.Web.Infrastructure;

/// <summary>
/// Sends the outbox (<see cref="CourrielEnAttente"/>) on every node: at once when a request of this node wrote an
/// e-mail (<see cref="ReveilCourriels"/>), and every <see cref="Periode"/> for the rest (another node's e-mails after
/// it died, retries). Rows are claimed in the database, so the nodes never send the same e-mail twice. Passes start at
/// most every <see cref="Espacement"/>: at the rush every submission wakes the pass, and e-mails then leave in lots
/// (one claim and a few deletes for many) rather than one by one, each with its own statements.
/// </summary>
public sealed partial class ExpediteurCourriels(IServiceScopeFactory portees, ReveilCourriels reveil, TimeProvider horloge, ILogger<ExpediteurCourriels> journal)
    : BackgroundService
{
    public static readonly TimeSpan Periode = TimeSpan.FromSeconds(30);

    public static readonly TimeSpan Espacement = TimeSpan.FromSeconds(1);

    private readonly string _noeud = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    // One pass at a time on this node: a pass asked for (a test, a command) waits for the running one, then sends the rest.
    private readonly SemaphoreSlim _unePasse = new(1, 1);

    /// <summary>One pass now: returns the number of e-mails sent.</summary>
    public async Task<int> PasserAsync(CancellationToken annulation)
    {
        await _unePasse.WaitAsync(annulation).ConfigureAwait(false);
        try
        {
            using var portee = portees.CreateScope();
            return await portee.ServiceProvider.GetRequiredService<EnvoyerCourrielsEnAttente>().ExecuterAsync(_noeud, annulation).ConfigureAwait(false);
        }
        finally
        {
            _unePasse.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var debut = Stopwatch.GetTimestamp();
                await PasserAsync(stoppingToken).ConfigureAwait(false);
                await reveil.AttendreAsync(Periode, horloge, stoppingToken).ConfigureAwait(false);
                // Real time, not the injected clock: this paces the database's work, it is no rule's instant.
                var reste = Espacement - Stopwatch.GetElapsedTime(debut);
                if (reste > TimeSpan.Zero)
                {
                    await Task.Delay(reste, stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed pass (database unreachable) is logged and retried; the host stays up.
            catch (Exception e)
#pragma warning restore CA1031
            {
                JournalEchec(journal, e);
                await Task.Delay(Periode, horloge, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    public override void Dispose()
    {
        _unePasse.Dispose();
        base.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Envoi des courriels en attente : un passage a échoué ; il sera repris.")]
    private static partial void JournalEchec(ILogger journal, Exception erreur);
}
