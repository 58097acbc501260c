using Examens.Core.Catalogue;
using Examens.Core.Inscriptions;
using Examens.Core.Journal;
using Examens.Core.Resultats;
using Microsoft.EntityFrameworkCore;

namespace Examens.Cli.Commandes;

/// <summary>
/// <c>examens deliberate-session ANNEE [CONNEXION]</c>: deliberates every submitted registration of the session with
/// the engine (R37–R45, P1–P11), the jury's decisions applied again; progress on the error output; a summary at the end.
/// Refused once the results are locked.
/// </summary>
internal static class DeliberationSession
{
    public static async Task<int> ExecuterAsync(string annee, string? chaine, TextWriter sortie, TextWriter erreurs)
    {
        await using var db = SessionParAnnee.Contexte(SessionParAnnee.Chaine(chaine));
        var (session, erreur) = await SessionParAnnee.TrouverAsync(db, annee).ConfigureAwait(false);
        if (session is null)
        {
            await erreurs.WriteLineAsync($"examens : {erreur}").ConfigureAwait(false);
            return Application.EntreeInvalide;
        }

        var total = await db.Inscriptions.CountAsync(i => i.AcademieSession.SessionId == session.Id && i.Etat == EtatInscription.Soumise).ConfigureAwait(false);
        var catalogue = ChargeurCatalogue.Charger(ChargeurCatalogue.DossierParDefaut);
        var progression = new Progression(erreurs, "Délibération", total, Progression.EstTerminal(erreurs));
        var resultat = await new DelibererSession(db, catalogue, TimeProvider.System).DelibererAsync(session.Id, progression, CancellationToken.None).ConfigureAwait(false);
        if (!resultat.Reussi)
        {
            await erreurs.WriteLineAsync($"examens : {resultat.Erreurs[0].Message}").ConfigureAwait(false);
            return Application.EntreeInvalide;
        }

        var b = resultat.Valeur!;
        var bilan = $"{b.Deliberes} délibéré(s) : {b.Admis} admis, {b.Ajournes} ajourné(s), {b.Elimines} éliminé(s), {b.Incomplets} incomplet(s)";
        db.Journal.Add(new EvenementJournal
        {
            InstantUtc = TimeProvider.System.GetUtcNow().UtcDateTime,
            Acteur = "operateur",
            Action = "deliberation.session",
            Cible = $"session:{session.Id}",
            Apres = bilan,
        });
        await db.SaveChangesAsync().ConfigureAwait(false);
        var controle = await db.ResultatsInscriptions.CountAsync(r => r.EpreuvesDeControle && db.Inscriptions.Any(i => i.Id == r.InscriptionId && i.AcademieSession.SessionId == session.Id)).ConfigureAwait(false);
        await sortie.WriteLineAsync($"{session.Libelle} : {bilan} ; {controle} peuvent présenter les épreuves de contrôle.").ConfigureAwait(false);
        await sortie.WriteLineAsync(string.Create(Examens.Domain.Common.Francais.Culture, $"Durées : lecture {b.Lecture.TotalSeconds:0.0} s, calcul {b.Calcul.TotalSeconds:0.0} s, écriture {b.Ecriture.TotalSeconds:0.0} s.")).ConfigureAwait(false);
        return Application.Succes;
    }
}
