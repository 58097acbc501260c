using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Cli.Commandes;

/// <summary>
/// <c>examens migrate [CONNEXION]</c>: creates or upgrades the database, SQLite or PostgreSQL by its connection string
/// (argument, else <c>ConnectionStrings__Examens</c>, else the embedded SQLite in <c>.data/</c>).
/// </summary>
internal static class Migrer
{
    public static async Task<int> ExecuterAsync(string? chaine, TextWriter sortie, TextWriter erreurs)
    {
        chaine ??= Environment.GetEnvironmentVariable("ConnectionStrings__Examens");
        if (string.IsNullOrWhiteSpace(chaine))
        {
            var dossier = Path.GetFullPath(".data");
            Directory.CreateDirectory(dossier);
            chaine = PersistanceExtensions.ChaineSqliteParDefaut(dossier);
        }

        var options = new DbContextOptionsBuilder<ExamensDbContext>();
        PersistanceExtensions.Configurer(options, chaine);
        await using var db = new ExamensDbContext(options.Options);
        var fournisseur = PersistanceExtensions.FournisseurDe(chaine);
        var enAttente = (await db.Database.GetPendingMigrationsAsync().ConfigureAwait(false)).ToList();
        if (enAttente.Count == 0)
        {
            await sortie.WriteLineAsync($"Base {fournisseur} déjà à jour.").ConfigureAwait(false);
            return Application.Succes;
        }

        await db.Database.MigrateAsync().ConfigureAwait(false);
        foreach (var m in enAttente)
        {
            await sortie.WriteLineAsync($"appliquée : {m}").ConfigureAwait(false);
        }

        await sortie.WriteLineAsync($"Base {fournisseur} à jour : {enAttente.Count} migration(s) appliquée(s).").ConfigureAwait(false);
        return Application.Succes;
    }
}
