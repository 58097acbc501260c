using Examens.Core.Documents;
using Examens.Core.Taches;

namespace Examens.Web.Infrastructure;

/// <summary>
/// Periodic maintenance, done by one node at a time (the lease "maintenance" in the database): today, removing
/// temporary upload files left by an interrupted write, stored files no row refers to (after a grace period),
/// idempotency keys older than a day, the reminders to candidates and the e-mails of results published since the last
/// round (each claimed in the database before it leaves, so it goes once even when the lease changes hands).
/// </summary>
public sealed partial class TachesDeFond(IServiceScopeFactory portees, TimeProvider horloge, ILogger<TachesDeFond> journal) : BackgroundService
{
    public static readonly TimeSpan Periode = TimeSpan.FromMinutes(5);

    private readonly string _noeud = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var minuterie = new PeriodicTimer(Periode, horloge);
        do
        {
            try
            {
                await ExecuterUneFoisAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // a failed round is logged and retried at the next period; the host stays up.
            catch (Exception e)
#pragma warning restore CA1031
            {
                JournalEchec(journal, e);
            }
        }
        while (await minuterie.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    /// <summary>One round: returns false when another node holds the lease.</summary>
    public async Task<bool> ExecuterUneFoisAsync(CancellationToken annulation)
    {
        using var portee = portees.CreateScope();
        var bail = portee.ServiceProvider.GetRequiredService<BailDistribue>();
        if (!await bail.PrendreAsync("maintenance", _noeud, Periode * 2, annulation).ConfigureAwait(false))
        {
            return false;
        }

        if (portee.ServiceProvider.GetService<StockageDocumentsDossier>() is { } dossier)
        {
            await dossier.NettoyerTemporairesAsync(TimeSpan.FromHours(1), horloge, annulation).ConfigureAwait(false);
        }

        await portee.ServiceProvider.GetRequiredService<Examens.Core.Rappels.EnvoyerRappels>().ExecuterAsync(annulation).ConfigureAwait(false);
        // Results published since the last round: one e-mail per candidate, claimed in the database so it leaves once.
        await portee.ServiceProvider.GetRequiredService<Examens.Core.Resultats.EnvoyerCourrielsResultats>().ExecuterAsync(null, annulation).ConfigureAwait(false);
        await portee.ServiceProvider.GetRequiredService<BalayerOrphelins>().ExecuterAsync(BalayerOrphelins.Grace, annulation).ConfigureAwait(false);
        await portee.ServiceProvider.GetRequiredService<Examens.Core.Idempotence.RegistreIdempotence>().PurgerAsync(annulation).ConfigureAwait(false);

        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Tâches de fond : un passage a échoué ; il sera repris à la période suivante.")]
    private static partial void JournalEchec(ILogger journal, Exception erreur);
}
