using System.Text;
using Examens.Core.Catalogue;
using Examens.Core.Simulations;

namespace Examens.Cli.Commandes;

/// <summary><c>examens deliberate FILE</c> and <c>examens check-registration FILE</c>: the same JSON as the HTTP simulators.</summary>
internal static class Simuler
{
    public static async Task<int> DeliberationAsync(string fichier, TextReader entree, TextWriter sortie, TextWriter erreurs)
    {
        var octets = await LireAsync(fichier, entree, erreurs).ConfigureAwait(false);
        return octets is null ? Application.EntreeInvalide : await RepondreAsync(SimulationDeliberation.Executer(octets), sortie, erreurs).ConfigureAwait(false);
    }

    public static async Task<int> InscriptionAsync(string fichier, TextReader entree, TextWriter sortie, TextWriter erreurs)
    {
        var octets = await LireAsync(fichier, entree, erreurs).ConfigureAwait(false);
        if (octets is null)
        {
            return Application.EntreeInvalide;
        }

        var simulation = new SimulationInscription(ChargeurCatalogue.Charger(ChargeurCatalogue.DossierParDefaut));
        return await RepondreAsync(simulation.Executer(octets), sortie, erreurs).ConfigureAwait(false);
    }

    private static async Task<byte[]?> LireAsync(string fichier, TextReader entree, TextWriter erreurs)
    {
        if (fichier == "-")
        {
            return Encoding.UTF8.GetBytes(await entree.ReadToEndAsync().ConfigureAwait(false));
        }

        if (!File.Exists(fichier))
        {
            await erreurs.WriteLineAsync($"examens : le fichier « {fichier} » n'existe pas.").ConfigureAwait(false);
            return null;
        }

        return await File.ReadAllBytesAsync(fichier).ConfigureAwait(false);
    }

    private static async Task<int> RepondreAsync(ResultatSimulation resultat, TextWriter sortie, TextWriter erreurs)
    {
        await sortie.WriteAsync(Encoding.UTF8.GetString(resultat.Json)).ConfigureAwait(false);
        if (resultat.CodeDeSortie != Application.Succes)
        {
            await erreurs.WriteLineAsync($"examens : {resultat.Resume}").ConfigureAwait(false);
        }

        return resultat.CodeDeSortie;
    }
}
