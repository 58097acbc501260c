using Examens.Core.Documents;
using Examens.Core.Persistance;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Cli.Commandes;

/// <summary>
/// <c>examens documents sweep DONNEES|base [CONNEXION]</c>: removes stored documents no row refers to, older than the
/// grace period (one hour), from the folder store under DONNEES/documents or from the database store ("base"). The
/// web nodes do the same in their background pass; the command is for an operator after a crash or a restore.
/// </summary>
internal static class BalayerDocuments
{
    public static async Task<int> ExecuterAsync(string donnees, string? chaine, TextWriter sortie)
    {
        chaine ??= Environment.GetEnvironmentVariable("ConnectionStrings__Examens") ?? PersistanceExtensions.ChaineSqliteParDefaut(Path.GetFullPath(".data"));
        var services = new ServiceCollection();
        services.AddExamensPersistance(chaine);
        services.AddSingleton(TimeProvider.System);
        if (string.Equals(donnees, "base", StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IStockageDocuments, StockageDocumentsBase>();
        }
        else
        {
            services.AddSingleton<IStockageDocuments>(new StockageDocumentsDossier(Path.Combine(Path.GetFullPath(donnees), "documents")));
        }

        services.AddScoped<BalayerOrphelins>();
        await using var fournisseur = services.BuildServiceProvider();
        await using var portee = fournisseur.CreateAsyncScope();
        var supprimes = await portee.ServiceProvider.GetRequiredService<BalayerOrphelins>().ExecuterAsync(BalayerOrphelins.Grace, CancellationToken.None).ConfigureAwait(false);
        foreach (var empreinte in supprimes)
        {
            await sortie.WriteLineAsync($"supprimé : {empreinte}").ConfigureAwait(false);
        }

        await sortie.WriteLineAsync($"{supprimes.Count} document(s) sans référence supprimé(s).").ConfigureAwait(false);
        return Application.Succes;
    }
}
