using Microsoft.Extensions.Logging;

namespace Examens.Core.Courriels;

/// <summary>
/// Tells a candidate of a decision of the exam office. The decision is already saved: a mail that cannot leave is
/// logged (its type only, never the address) and the officer told, the candidate still sees it in their space.
/// </summary>
public sealed partial class AvisCandidat(IEnvoiCourriel courriels, ILogger<AvisCandidat> journal)
{
    public async Task<bool> EnvoyerAsync(string? adresse, string sujet, string texte, CancellationToken annulation)
    {
        if (string.IsNullOrWhiteSpace(adresse))
        {
            return false;
        }

        try
        {
            await courriels.EnvoyerAsync(new Courriel(adresse, sujet, texte), annulation).ConfigureAwait(false);
            return true;
        }
#pragma warning disable CA1031 // the decision is saved; the officer is told the mail could not leave.
        catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
        {
            JournalEchec(journal, e.GetType().Name);
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Courriel au candidat non envoyé ({Erreur}).")]
    private static partial void JournalEchec(ILogger journal, string erreur);
}
