using System.Globalization;
using Examens.Core.Catalogue;
using Examens.Core.Inscriptions;
using Examens.Core.Notes;
using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;

namespace Examens.Cli.Commandes;

/// <summary>
/// <c>examens import-grades FICHIER [--saisie 1|2] [--agent NOM] [CONNEXION]</c>: imports a centre's grades file as
/// saisie 1 or 2, the whole file or nothing (docs/resultats.md). A progress bar on the error output when it is a
/// terminal, plain lines otherwise; a summary at the end. Exit 2 with every bad line listed when the file is refused.
/// </summary>
internal static class ImporterNotes
{
    public static async Task<int> ExecuterAsync(string fichier, IReadOnlyList<string> options, TextWriter sortie, TextWriter erreurs)
    {
        int saisie = 1;
        string? agent = null, chaine = null;
        for (var i = 0; i < options.Count; i++)
        {
            switch (options[i])
            {
                case "--saisie" when i + 1 < options.Count && options[i + 1] is "1" or "2":
                    saisie = int.Parse(options[++i], CultureInfo.InvariantCulture);
                    break;
                case "--agent" when i + 1 < options.Count && !string.IsNullOrWhiteSpace(options[i + 1]):
                    agent = options[++i].Trim();
                    break;
                case var o when !o.StartsWith("--", StringComparison.Ordinal) && chaine is null:
                    chaine = o;
                    break;
                default:
                    await erreurs.WriteLineAsync($"examens : option « {options[i]} » non reconnue. Utilisation : examens import-grades FICHIER [--saisie 1|2] [--agent NOM] [CONNEXION]").ConfigureAwait(false);
                    return Application.EntreeInvalide;
            }
        }

        byte[] contenu;
        try
        {
            contenu = await File.ReadAllBytesAsync(fichier).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await erreurs.WriteLineAsync($"examens : impossible de lire « {fichier} » ({e.GetType().Name}).").ConfigureAwait(false);
            return Application.EntreeInvalide;
        }

        chaine ??= Environment.GetEnvironmentVariable("ConnectionStrings__Examens") ?? PersistanceExtensions.ChaineSqliteParDefaut(Path.GetFullPath(".data"));
        var options2 = new DbContextOptionsBuilder<ExamensDbContext>();
        PersistanceExtensions.Configurer(options2, chaine);
        await using var db = new ExamensDbContext(options2.Options);
        var verificateur = new VerifierBrouillon(ChargeurCatalogue.Charger(ChargeurCatalogue.DossierParDefaut));
        var importer = new Core.Notes.ImporterNotes(db, new EnregistrerSaisies(db, verificateur, TimeProvider.System));
        var barre = new Progression(erreurs, Terminal(erreurs));
        // The operator acts for the whole base, as an administrator; the agent names the person who keyed the file.
        var acteur = $"cli:{agent ?? Environment.UserName}";
        var resultat = await importer.ExecuterAsync(acteur, administrateur: true, saisie, contenu, null,
            new ProgressionDirecte<(int Faites, int Total)>(p => barre.Afficher(p.Faites, p.Total)), CancellationToken.None).ConfigureAwait(false);
        barre.Terminer();
        if (!resultat.Reussi)
        {
            foreach (var e in resultat.Erreurs)
            {
                await erreurs.WriteLineAsync(e.Message).ConfigureAwait(false);
            }

            await erreurs.WriteLineAsync($"examens : fichier refusé, aucune note enregistrée ({resultat.Erreurs.Count} problème(s)).").ConfigureAwait(false);
            return Application.EntreeInvalide;
        }

        var b = resultat.Valeur!;
        await sortie.WriteLineAsync(
            $"Saisie {saisie} importée ({acteur}) : {b.Enregistrees} note(s) enregistrée(s), {b.Inchangees} inchangée(s) ; {b.Validees} validée(s) par deux saisies concordantes ; {b.Ecarts} écart(s) à trancher.").ConfigureAwait(false);
        return Application.Succes;
    }

    private static bool Terminal(TextWriter erreurs) => ReferenceEquals(erreurs, Console.Error) && !Console.IsErrorRedirected;

    /// <summary>A bar redrawn in place on a terminal; otherwise a plain line at every tenth, so logs stay readable.</summary>
    private sealed class Progression(TextWriter ecrivain, bool terminal)
    {
        private const int Largeur = 30;
        private int dernier = -1;

        public void Afficher(int faites, int total)
        {
            if (total <= 0)
            {
                return;
            }

            var pourcent = (int)(100L * faites / total);
            if (terminal)
            {
                if (pourcent == dernier && faites != total)
                {
                    return;
                }

                var plein = Largeur * faites / total;
                ecrivain.Write(string.Create(CultureInfo.InvariantCulture, $"\rVérification [{new string('#', plein)}{new string('.', Largeur - plein)}] {pourcent,3} % ({faites}/{total})"));
            }
            else if (pourcent / 10 != dernier / 10 || (faites == total && dernier != 100))
            {
                ecrivain.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Vérification : {faites}/{total} ligne(s) ({pourcent} %)"));
            }

            dernier = pourcent;
        }

        public void Terminer()
        {
            if (terminal && dernier >= 0)
            {
                ecrivain.WriteLine();
            }
        }
    }
}
