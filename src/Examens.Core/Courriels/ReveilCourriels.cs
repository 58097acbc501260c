namespace Examens.Core.Courriels;

/// <summary>
/// Wakes this node's e-mail pass as soon as a change has written an e-mail to send, so a confirmation leaves within
/// moments rather than at the next periodic pass. Only a hint: a lost wake-up still leaves the e-mail to the next pass.
/// </summary>
public sealed class ReveilCourriels : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Reveiller()
    {
        // Already woken (the usual case at the rush, one wake-up per submission): nothing to do, and no exception to
        // throw and catch on each request.
        if (_signal.CurrentCount > 0)
        {
            return;
        }

        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Woken by another request in between: one pass sends everything that is due.
        }
    }

    /// <summary>Waits for a wake-up or for <paramref name="delai"/> on the given clock, whichever comes first.</summary>
    public async Task AttendreAsync(TimeSpan delai, TimeProvider horloge, CancellationToken annulation)
    {
        using var fin = CancellationTokenSource.CreateLinkedTokenSource(annulation);
        var signal = _signal.WaitAsync(fin.Token);
        var minuterie = Task.Delay(delai, horloge, fin.Token);
        await Task.WhenAny(signal, minuterie).ConfigureAwait(false);
        // The loser is cancelled, so a pending wait never swallows a later wake-up.
        await fin.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(signal, minuterie).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            annulation.ThrowIfCancellationRequested();
        }
    }

    public void Dispose() => _signal.Dispose();
}
