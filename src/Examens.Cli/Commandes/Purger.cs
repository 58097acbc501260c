using System.Globalization;
using Examens.Core.Documents;
using Examens.Core.DonneesPersonnelles;
using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Cli.Commandes;

/// <summary>
/// <c>examens purge [--dry-run] [CONNEXION]</c>: removes the documents and registrations of the sessions whose
/// retention period is over and prints what it removed (with --dry-run: what it would remove, changing nothing). The
/// documents folder is <c>$Examens__Donnees/documents</c> (default <c>.data/documents</c>), as for the web host.
/// </summary>
internal static class Purger
{
    public static async Task<int> ExecuterAsync(bool simulation, string? chaine, TextWriter sortie, TimeProvider horloge)
    {
        var donnees = Path.GetFullPath(Environment.GetEnvironmentVariable("Examens__Donnees") ?? ".data");
        chaine ??= Environment.GetEnvironmentVariable("ConnectionStrings__Examens") ?? PersistanceExtensions.ChaineSqliteParDefaut(donnees);
        var options = new DbContextOptionsBuilder<ExamensDbContext>();
        PersistanceExtensions.Configurer(options, chaine);
        await using var db = new ExamensDbContext(options.Options);
        var documents = Path.Combine(donnees, "documents");
        var dossier = Directory.Exists(documents) ? new StockageDocumentsDossier(documents) : null;
        var bilan = await new PurgerDonnees(db, dossier, horloge).ExecuterAsync(simulation, "operateur", CancellationToken.None).ConfigureAwait(false);
        await sortie.WriteLineAsync(Rapport(bilan)).ConfigureAwait(false);
        return Application.Succes;
    }

    public static string Rapport(BilanPurge bilan)
    {
        ArgumentNullException.ThrowIfNull(bilan);
        var texte = new System.Text.StringBuilder(bilan.Simulation ? "Simulation (--dry-run) : rien n'est supprimé.\n" : "");
        if (bilan.Sessions.Count == 0)
        {
            return texte.Append("Aucune session dont la durée de conservation est écoulée : rien à supprimer.").ToString();
        }

        var verbe = bilan.Simulation ? "serait supprimé" : "supprimé";
        foreach (var s in bilan.Sessions)
        {
            texte.Append(CultureInfo.InvariantCulture,
                $"{s.Libelle} (délibération du {s.DateDeliberation:yyyy-MM-dd}, conservation {s.ConservationMois} mois, échue le {s.EchueLe:yyyy-MM-dd}) : "
                + $"{s.InscriptionsSupprimees} inscription(s), {s.Versions} version(s), {s.Pieces} pièce(s), {s.Notes} note(s), {s.Resultats} résultat(s) — {verbe} ; "
                + $"{s.InscriptionsGardeesPourNotes} inscription(s) gardée(s) pour leurs notes encore valables (P1), sans pièces ni versions.\n");
        }

        texte.Append(CultureInfo.InvariantCulture, $"Fichiers de documents {(bilan.Simulation ? "à supprimer" : "supprimés")} : {bilan.Fichiers}.");
        if (!bilan.Simulation)
        {
            texte.Append(" Inscrit au journal.");
        }

        return texte.ToString();
    }
}
