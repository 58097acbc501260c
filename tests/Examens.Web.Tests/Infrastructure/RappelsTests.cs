using System.Text.RegularExpressions;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Examens.Core.Rappels;
using Examens.Web.Infrastructure;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Examens.Web.Tests.Infrastructure;

/// <summary>
/// The reminders of the background work (TachesDeFond), run directly at chosen instants of the fake clock. The
/// demonstration academy DEMO closes on 15 December 2023 at 17:00 Paris time (16:00 UTC).
/// </summary>
public sealed class RappelsTests
{
    private static readonly DateTimeOffset Cloture = new(2023, 12, 15, 16, 0, 0, TimeSpan.Zero);

    private static UsineExamens Usine(string baseDeDonnees)
    {
        var usine = UsineExamens.Pour(baseDeDonnees);
        // The test runs each pass itself: the host's own loop would race it for the mail folder.
        usine.Reglages["Examens:TachesDeFond"] = "false";
        return usine;
    }

    /// <summary>Another host on the same database: a restart, or a second node.</summary>
    private static UsineExamens AutreHote(UsineExamens usine)
    {
        using var portee = usine.Services.CreateScope();
        var chaine = portee.ServiceProvider.GetRequiredService<ExamensDbContext>().Database.GetConnectionString()!;
        var autre = UsineExamens.Noeud(chaine);
        autre.Reglages["Examens:TachesDeFond"] = "false";
        // Every node has the same document key (docs/operations.md), which also opens the shared cookie key ring.
        autre.Reglages["Examens:Documents:FichierCle"] = Path.Combine(usine.Dossier, Examens.Core.Documents.Chiffrement.ClesDocumentsConfigurees.NomFichierParDefaut);
        autre.Horloge.SetUtcNow(usine.Horloge.GetUtcNow());
        _ = autre.Services;
        return autre;
    }

    private static async Task<int> PasserAsync(UsineExamens usine)
    {
        using var portee = usine.Services.CreateScope();
        return await portee.ServiceProvider.GetRequiredService<EnvoyerRappels>().ExecuterAsync(TestContext.Current.CancellationToken);
    }

    private static List<MimeMessage> Rappels(string adresse, params UsineExamens[] hotes) =>
        [.. hotes.SelectMany(h => h.Courriels()).Where(m => (m.Subject ?? "").StartsWith("Rappel", StringComparison.Ordinal) && m.To.Mailboxes.Any(b => b.Address == adresse))];

    private static async Task<List<(Guid Inscription, int Minutes)>> LignesAsync(UsineExamens usine)
    {
        using var portee = usine.Services.CreateScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        return [.. (await db.RappelsEnvoyes.ToListAsync(TestContext.Current.CancellationToken)).Select(r => (r.InscriptionId, r.DelaiMinutes))];
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Incomplete_files_and_drafts_get_each_reminder_once_even_after_a_restart(string baseDeDonnees)
    {
        using var usine = Usine(baseDeDonnees);
        var sansPieces = await JeuInscriptions.CreerAsync(usine, "a@exemple.fr", "DEMO", soumettre: true);
        var brouillon = await JeuInscriptions.CreerAsync(usine, "b@exemple.fr", "DEMO", soumettre: false);
        var complet = await JeuInscriptions.CreerAsync(usine, "c@exemple.fr", "DEMO", soumettre: true);
        var piecesComplet = await JeuInscriptions.DeposerToutAsync(complet);
        var retiree = await JeuInscriptions.CreerAsync(usine, "d@exemple.fr", "DEMO", soumettre: true);
        await JeuInscriptions.RetirerAsync(retiree);
        var refusee = await JeuInscriptions.CreerAsync(usine, "e@exemple.fr", "DEMO", soumettre: true);
        await JeuInscriptions.DeposerToutAsync(refusee);
        var agent = await Parcours.PersonnelConnecteAsync(usine, "agent@exemple.fr", RolesPersonnel.Gestionnaire, "DEMO");
        await JeuInscriptions.AccepterToutAsync(agent, complet, piecesComplet);
        await agent.GetAsync($"/gestion/dossiers/{refusee.Id}");
        var d2 = Regex.Match(agent.DernierePage, "id=\"piece-D2\".*?name=\"pieceId\" value=\"([^\"]+)\"", RegexOptions.Singleline).Groups[1].Value;
        await agent.PosterDepuisAsync(agent.DernierePage, $"/gestion/dossiers/{refusee.Id}", $"/gestion/dossiers/{refusee.Id}?handler=Examiner",
            [new("pieceId", d2), new("decision", "Refusee"), new("motifUsuel", "Illisible"), new("precision", "")]);

        // A month before the close: nothing yet.
        Assert.Equal(0, await PasserAsync(usine));

        // 7 days before: the file without documents, the draft, and the file with a rejected document.
        usine.Horloge.SetUtcNow(Cloture - TimeSpan.FromDays(7));
        Assert.Equal(3, await PasserAsync(usine));
        Assert.Equal(0, await PasserAsync(usine));

        var mail = Assert.Single(Rappels("a@exemple.fr", usine));
        Assert.Equal($"Rappel : dossier incomplet – inscription {sansPieces.Numero}", mail.Subject);
        var texte = mail.TextBody;
        Assert.Contains($"Votre dossier d'inscription n° {sansPieces.Numero} est incomplet.", texte, StringComparison.Ordinal);
        Assert.Contains("avant le vendredi 15 décembre 2023 à 17:00:00 (heure de Europe/Paris)", texte, StringComparison.Ordinal);
        Assert.Contains("- D2 – Carte nationale d'identité, passeport ou titre de séjour : manquante", texte, StringComparison.Ordinal);
        Assert.Contains($"http://localhost:5080/candidat/inscriptions/{sansPieces.Id}/pieces", texte, StringComparison.Ordinal);

        var mailBrouillon = Assert.Single(Rappels("b@exemple.fr", usine));
        Assert.Equal($"Rappel : inscription non soumise – inscription {brouillon.Numero}", mailBrouillon.Subject);
        Assert.Contains("n'est pas soumise", mailBrouillon.TextBody, StringComparison.Ordinal);
        Assert.Contains($"/candidat/inscriptions/{brouillon.Id}/recapitulatif", mailBrouillon.TextBody, StringComparison.Ordinal);

        // Only what the candidate must do: the rejected D2, not the documents waiting for the office.
        var mailRefus = Assert.Single(Rappels("e@exemple.fr", usine)).TextBody;
        Assert.Contains("- D2 – Carte nationale d'identité, passeport ou titre de séjour : refusée (Illisible), déposez un nouveau fichier", mailRefus, StringComparison.Ordinal);
        Assert.DoesNotContain("- D1 –", mailRefus, StringComparison.Ordinal);

        Assert.Empty(Rappels("c@exemple.fr", usine));
        Assert.Empty(Rappels("d@exemple.fr", usine));

        // The officer sees it on the file page and in the trail.
        var agent2 = await Parcours.PersonnelConnecteAsync(usine, "agent2@exemple.fr", RolesPersonnel.Gestionnaire, "DEMO");
        await agent2.GetAsync($"/gestion/dossiers/{sansPieces.Id}");
        var dossier = Regex.Replace(agent2.DernierePage, "<[^>]+>", " ");
        Assert.Contains("Rappels envoyés au candidat", dossier, StringComparison.Ordinal);
        Assert.Matches("7 jours avant l'échéance\\s+vendredi 8 décembre 2023 à 17:00:00\\s+vendredi 15 décembre 2023 à 17:00:00\\s+pièces manquantes ou refusées : D1, D2", dossier);
        Assert.Contains("rappel.envoye", dossier, StringComparison.Ordinal);
        Assert.Contains("rappel 7 jours avant l'échéance : pièces manquantes ou refusées", dossier, StringComparison.Ordinal);
        await agent2.GetAsync($"/gestion/dossiers/{complet.Id}");
        Assert.Contains("Aucun rappel envoyé.", agent2.DernierePage, StringComparison.Ordinal);

        // A restart: a new host on the same database sends nothing more in the same slot...
        usine.Horloge.Advance(TimeSpan.FromHours(1));
        using var redemarre = AutreHote(usine);
        Assert.Equal(0, await PasserAsync(redemarre));

        // ...then the 2-day and the 6-hour reminders, once each.
        redemarre.Horloge.SetUtcNow(Cloture - TimeSpan.FromDays(2));
        Assert.Equal(3, await PasserAsync(redemarre));
        Assert.Equal(0, await PasserAsync(redemarre));
        redemarre.Horloge.SetUtcNow(Cloture - TimeSpan.FromHours(3));
        Assert.Equal(3, await PasserAsync(redemarre));
        Assert.Equal(0, await PasserAsync(redemarre));
        redemarre.Horloge.SetUtcNow(Cloture + TimeSpan.FromMinutes(1));
        Assert.Equal(0, await PasserAsync(redemarre));

        Assert.Equal(3, Rappels("a@exemple.fr", usine, redemarre).Count);
        Assert.Equal(3, Rappels("b@exemple.fr", usine, redemarre).Count);
        Assert.Empty(Rappels("c@exemple.fr", usine, redemarre));
        Assert.Empty(Rappels("d@exemple.fr", usine, redemarre));
        var lignes = await LignesAsync(usine);
        Assert.Equal(9, lignes.Count);
        Assert.Equal([360, 2880, 10080], lignes.Where(l => l.Inscription == sansPieces.Id).Select(l => l.Minutes).Order());
    }

    [Theory]
    [MemberData(nameof(BasesDeDonnees.Toutes), MemberType = typeof(BasesDeDonnees))]
    public async Task Two_nodes_racing_send_once_and_a_missed_reminder_is_not_sent_late(string baseDeDonnees)
    {
        using var usine = Usine(baseDeDonnees);
        var brouillon = await JeuInscriptions.CreerAsync(usine, "b@exemple.fr", "DEMO", soumettre: false);
        using var noeud2 = AutreHote(usine);

        // Both nodes were down during the 7-day slot; they come back one day before the close.
        usine.Horloge.SetUtcNow(Cloture - TimeSpan.FromDays(1));
        noeud2.Horloge.SetUtcNow(Cloture - TimeSpan.FromDays(1));
        var envois = await Task.WhenAll(PasserAsync(usine), PasserAsync(noeud2), PasserAsync(usine), PasserAsync(noeud2));
        Assert.Equal(1, envois.Sum());
        var mail = Assert.Single(Rappels("b@exemple.fr", usine, noeud2));
        Assert.Contains("vendredi 15 décembre 2023 à 17:00:00", mail.TextBody, StringComparison.Ordinal);
        // Only the 2-day reminder: the 7-day one, whose slot has gone by, is never sent.
        Assert.Equal([(brouillon.Id, 2880)], await LignesAsync(usine));

        // Through the background work: the node holding the lease sends the 6-hour reminder, the other skips the round.
        usine.Horloge.SetUtcNow(Cloture - TimeSpan.FromHours(5));
        noeud2.Horloge.SetUtcNow(Cloture - TimeSpan.FromHours(5));
        var rondes = await Task.WhenAll(
            usine.Services.GetRequiredService<TachesDeFond>().ExecuterUneFoisAsync(TestContext.Current.CancellationToken),
            noeud2.Services.GetRequiredService<TachesDeFond>().ExecuterUneFoisAsync(TestContext.Current.CancellationToken));
        Assert.Contains(true, rondes);
        Assert.Equal(2, Rappels("b@exemple.fr", usine, noeud2).Count);
        Assert.Equal([2880, 360], (await LignesAsync(usine)).Select(l => l.Minutes).OrderDescending());
    }
}
