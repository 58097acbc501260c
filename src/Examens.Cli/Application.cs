using Examens.Cli.Commandes;

namespace Examens.Cli;

/// <summary>
/// <c>examens …</c>: the staff and operator face of the product. Exit codes: 0 done, 2 the input breaks a rule or is
/// malformed, 1 the program itself failed (never a stack trace: the message says what happened).
/// </summary>
public static class Application
{
    public const int Succes = 0;
    public const int EchecInterne = 1;
    public const int EntreeInvalide = 2;

    public const string Aide = """
        examens : inscriptions et résultats du BTS (candidats individuels et enseignement à distance)

        Utilisation :
          examens deliberate FICHIER            simule une délibération (FICHIER = - pour l'entrée standard)
          examens check-registration FICHIER    vérifie une inscription avec le catalogue et la table des pièces
          examens catalogue validate [DOSSIER]  vérifie les fichiers du catalogue (par défaut celui livré)
          examens academie cloture ANNEE CODE AAAA-MM-JJTHH:MM:SS "MOTIF" [CONNEXION]
                                                déplace la clôture d'une académie (heure locale), inscrit au journal
          examens admin create COURRIEL [CONNEXION]
                                                crée un administrateur (mot de passe et clé TOTP affichés une fois)
          examens import-grades FICHIER [--saisie 1|2] [--agent NOM] [CONNEXION]
                                                importe le fichier CSV des notes d'un centre (saisie 1 par
                                                défaut), en entier ou pas du tout (docs/resultats.md)
          examens deliberate-session ANNEE [CONNEXION]
                                                délibère toute la session (décisions du jury réappliquées)
          examens publish-results ANNEE AAAA-MM-JJTHH:MM [CONNEXION]
                                                verrouille les résultats et fixe leur publication (heure de Paris)
          examens migrate [CONNEXION]           crée ou met à jour la base (SQLite, ou PostgreSQL si « Host=… »)
          examens documents sweep DONNEES|base [CONNEXION]
                                                supprime les documents stockés sans référence depuis plus d'une heure
          examens purge [--dry-run] [CONNEXION] supprime pièces et inscriptions des sessions dont la durée de
                                                conservation est écoulée ; --dry-run montre sans rien supprimer
          examens help                          affiche cette aide

        Codes de sortie : 0 réussite ; 2 entrée contraire à une règle ou mal formée (le JSON des erreurs est sur la
        sortie standard, un résumé sur la sortie d'erreur) ; 1 défaillance du programme.
        """;

    public static async Task<int> ExecuterAsync(string[] args, TextReader entree, TextWriter sortie, TextWriter erreurs)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(sortie);
        ArgumentNullException.ThrowIfNull(erreurs);
        try
        {
            return args switch
            {
                ["deliberate", var fichier] => await Simuler.DeliberationAsync(fichier, entree, sortie, erreurs).ConfigureAwait(false),
                ["check-registration", var fichier] => await Simuler.InscriptionAsync(fichier, entree, sortie, erreurs).ConfigureAwait(false),
                ["academie", "cloture", var annee, var code, var fermeture, var motif] => await ProlongerCloture.ExecuterAsync(annee, code, fermeture, motif, null, sortie, erreurs).ConfigureAwait(false),
                ["academie", "cloture", var annee, var code, var fermeture, var motif, var chaine] => await ProlongerCloture.ExecuterAsync(annee, code, fermeture, motif, chaine, sortie, erreurs).ConfigureAwait(false),
                ["admin", "create", var courriel] => await CreerAdministrateur.ExecuterAsync(courriel, null, sortie, erreurs).ConfigureAwait(false),
                ["admin", "create", var courriel, var chaine] => await CreerAdministrateur.ExecuterAsync(courriel, chaine, sortie, erreurs).ConfigureAwait(false),
                ["import-grades", var fichier, .. var options] => await ImporterNotes.ExecuterAsync(fichier, options, sortie, erreurs).ConfigureAwait(false),
                ["deliberate-session", var annee] => await DeliberationSession.ExecuterAsync(annee, null, sortie, erreurs).ConfigureAwait(false),
                ["deliberate-session", var annee, var chaine] => await DeliberationSession.ExecuterAsync(annee, chaine, sortie, erreurs).ConfigureAwait(false),
                ["publish-results", var annee, var instant] => await PublicationResultatsSession.ExecuterAsync(annee, instant, null, sortie, erreurs).ConfigureAwait(false),
                ["publish-results", var annee, var instant, var chaine] => await PublicationResultatsSession.ExecuterAsync(annee, instant, chaine, sortie, erreurs).ConfigureAwait(false),
                ["documents", "sweep", var donnees] => await BalayerDocuments.ExecuterAsync(donnees, null, sortie).ConfigureAwait(false),
                ["documents", "sweep", var donnees, var chaine] => await BalayerDocuments.ExecuterAsync(donnees, chaine, sortie).ConfigureAwait(false),
                ["purge"] => await Purger.ExecuterAsync(false, null, sortie, TimeProvider.System).ConfigureAwait(false),
                ["purge", "--dry-run"] => await Purger.ExecuterAsync(true, null, sortie, TimeProvider.System).ConfigureAwait(false),
                ["purge", "--dry-run", var chaine] => await Purger.ExecuterAsync(true, chaine, sortie, TimeProvider.System).ConfigureAwait(false),
                ["purge", var chaine] when !chaine.StartsWith("--", StringComparison.Ordinal) => await Purger.ExecuterAsync(false, chaine, sortie, TimeProvider.System).ConfigureAwait(false),
                ["migrate"] => await Migrer.ExecuterAsync(null, sortie, erreurs).ConfigureAwait(false),
                ["migrate", var chaine] => await Migrer.ExecuterAsync(chaine, sortie, erreurs).ConfigureAwait(false),
                ["catalogue", "validate"] => await ValiderCatalogue.ExecuterAsync(null, sortie, erreurs).ConfigureAwait(false),
                ["catalogue", "validate", var dossier] => await ValiderCatalogue.ExecuterAsync(dossier, sortie, erreurs).ConfigureAwait(false),
                [] or ["help"] or ["--help"] or ["-h"] => await AfficherAsync(sortie, Aide, Succes).ConfigureAwait(false),
                _ => await AfficherAsync(erreurs, $"Commande non reconnue : « {string.Join(' ', args)} ».{Environment.NewLine}{Environment.NewLine}{Aide}", EntreeInvalide).ConfigureAwait(false),
            };
        }
#pragma warning disable CA1031 // The last line of defence: the operator gets a sentence, not a stack trace.
        catch (Exception e)
#pragma warning restore CA1031
        {
            await erreurs.WriteLineAsync($"examens : échec interne ({e.GetType().Name}) : {e.Message}").ConfigureAwait(false);
            return EchecInterne;
        }
    }

    private static async Task<int> AfficherAsync(TextWriter ou, string texte, int code)
    {
        await ou.WriteLineAsync(texte).ConfigureAwait(false);
        return code;
    }
}
