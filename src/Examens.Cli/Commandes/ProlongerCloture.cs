using System.Globalization;
using Examens.Core.Persistance;
using Examens.Core.Sessions;
using Microsoft.EntityFrameworkCore;

namespace Examens.Cli.Commandes;

/// <summary>
/// <c>examens academie cloture ANNEE CODE AAAA-MM-JJTHH:MM:SS "motif" [CONNEXION]</c>: moves an academy's closing
/// (local time of the academy); every node sees it at once; the change goes in the trail.
/// </summary>
internal static class ProlongerCloture
{
    public static async Task<int> ExecuterAsync(string annee, string code, string fermeture, string motif, string? chaine, TextWriter sortie, TextWriter erreurs)
    {
        if (!int.TryParse(annee, NumberStyles.None, CultureInfo.InvariantCulture, out var a)
            || !DateTime.TryParseExact(fermeture, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var locale))
        {
            await erreurs.WriteLineAsync("examens : l'année est un nombre (2024) et la clôture une date et heure locales AAAA-MM-JJTHH:MM:SS.").ConfigureAwait(false);
            return Application.EntreeInvalide;
        }

        chaine ??= Environment.GetEnvironmentVariable("ConnectionStrings__Examens") ?? PersistanceExtensions.ChaineSqliteParDefaut(Path.GetFullPath(".data"));
        var options = new DbContextOptionsBuilder<ExamensDbContext>();
        PersistanceExtensions.Configurer(options, chaine);
        await using var db = new ExamensDbContext(options.Options);
        var resultat = await new ProlongerFenetre(db, TimeProvider.System).ExecuterAsync(a, code, locale, motif, "operateur", null, CancellationToken.None).ConfigureAwait(false);
        if (!resultat.Reussi)
        {
            await erreurs.WriteLineAsync($"examens : {resultat.Erreurs[0].Message}").ConfigureAwait(false);
            return Application.EntreeInvalide;
        }

        await sortie.WriteLineAsync($"Clôture de {resultat.Valeur!.Nom} ({resultat.Valeur.Session.Libelle}) : {resultat.Valeur.FermetureLocale:yyyy-MM-dd HH:mm:ss} ({resultat.Valeur.Fuseau}). Inscrit au journal.").ConfigureAwait(false);
        return Application.Succes;
    }
}
