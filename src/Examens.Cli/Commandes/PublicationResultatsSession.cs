using Examens.Core.Resultats;
using Examens.Domain.Deliberations;
using Microsoft.EntityFrameworkCore;

namespace Examens.Cli.Commandes;

/// <summary>
/// <c>examens publish-results ANNEE AAAA-MM-JJTHH:MM [CONNEXION]</c>: locks the session's results (if not yet) and sets
/// the instant they become visible to candidates (Paris time, or with an explicit offset such as "Z" or "+02:00").
/// The portal's background pass sends each candidate's e-mail once that instant has come.
/// </summary>
internal static class PublicationResultatsSession
{
    public static async Task<int> ExecuterAsync(string annee, string instant, string? chaine, TextWriter sortie, TextWriter erreurs)
    {
        if (FixerPublication.Lire(instant) is not { } publication)
        {
            await erreurs.WriteLineAsync("examens : l'instant de publication s'écrit AAAA-MM-JJTHH:MM (heure de Paris), par exemple 2024-07-05T10:00.").ConfigureAwait(false);
            return Application.EntreeInvalide;
        }

        await using var db = SessionParAnnee.Contexte(SessionParAnnee.Chaine(chaine));
        var (session, erreur) = await SessionParAnnee.TrouverAsync(db, annee).ConfigureAwait(false);
        if (session is null)
        {
            await erreurs.WriteLineAsync($"examens : {erreur}").ConfigureAwait(false);
            return Application.EntreeInvalide;
        }

        var progression = new Progression(erreurs, "Publication", 2, Progression.EstTerminal(erreurs));
        var verrou = await new VerrouillerResultats(db, TimeProvider.System).ExecuterAsync(session.Id, "operateur", null, CancellationToken.None).ConfigureAwait(false);
        if (!verrou.Reussi)
        {
            await erreurs.WriteLineAsync($"examens : {verrou.Erreurs[0].Message}").ConfigureAwait(false);
            return Application.EntreeInvalide;
        }

        progression.Report(1);
        var fixee = await new FixerPublication(db, TimeProvider.System).ExecuterAsync(session.Id, publication, "operateur", null, CancellationToken.None).ConfigureAwait(false);
        if (!fixee.Reussi)
        {
            await erreurs.WriteLineAsync($"examens : {fixee.Erreurs[0].Message}").ConfigureAwait(false);
            return Application.EntreeInvalide;
        }

        progression.Report(2);
        var compteurs = await db.ResultatsInscriptions
            .Where(r => db.Inscriptions.Any(i => i.Id == r.InscriptionId && i.AcademieSession.SessionId == session.Id))
            .GroupBy(r => r.Decision).Select(g => new { g.Key, N = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.N).ConfigureAwait(false);
        await sortie.WriteLineAsync($"{session.Libelle} : résultats verrouillés, publication le {FixerPublication.Local(fixee.Valeur!.PublicationUtc!.Value)}.").ConfigureAwait(false);
        await sortie.WriteLineAsync($"{compteurs.Values.Sum()} résultat(s) : {compteurs.GetValueOrDefault(Decision.Admis)} admis, {compteurs.GetValueOrDefault(Decision.Ajourne)} ajourné(s), "
            + $"{compteurs.GetValueOrDefault(Decision.Elimine)} éliminé(s), {compteurs.GetValueOrDefault(Decision.Incomplet)} incomplet(s). "
            + "Chaque candidat recevra un courriel à cet instant (tâche de fond du portail).").ConfigureAwait(false);
        return Application.Succes;
    }
}
