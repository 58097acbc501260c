using Examens.Core.Catalogue;

namespace Examens.Cli.Commandes;

/// <summary><c>examens catalogue validate [DIR]</c>: every problem of every file, or a summary of what is there.</summary>
internal static class ValiderCatalogue
{
    public static async Task<int> ExecuterAsync(string? dossier, TextWriter sortie, TextWriter erreurs)
    {
        dossier ??= ChargeurCatalogue.DossierParDefaut;
        var problemes = ChargeurCatalogue.Valider(dossier, out var catalogue);
        if (catalogue is null)
        {
            foreach (var p in problemes)
            {
                await erreurs.WriteLineAsync(p.ToString()).ConfigureAwait(false);
            }

            await erreurs.WriteLineAsync($"examens : catalogue invalide, {problemes.Count} problème(s).").ConfigureAwait(false);
            return Application.EntreeInvalide;
        }

        foreach (var s in catalogue.Specialites.OrderBy(s => s.Session).ThenBy(s => s.Code, StringComparer.Ordinal))
        {
            var nonConfirmees = s.Unites.Sum(u => u.NonConfirme.Count);
            var etat = s.Complete ? "complet" : "INCOMPLET";
            await sortie.WriteLineAsync(
                $"{s.Session} {s.Code,-5} {etat,-9} {s.Unites.Count,2} unités, {nonConfirmees,2} valeur(s) non confirmée(s) — {s.Nom}").ConfigureAwait(false);
        }

        await sortie.WriteLineAsync($"Catalogue valide : {catalogue.Specialites.Count} spécialité(s).").ConfigureAwait(false);
        return Application.Succes;
    }
}
