using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Cli.Commandes;

/// <summary>
/// <c>examens admin create EMAIL [CONNEXION]</c>: the first administrator (or another one). The password and the
/// authenticator key are printed once, here only: they are stored hashed or protected and nobody can read them back.
/// </summary>
internal static class CreerAdministrateur
{
    public static async Task<int> ExecuterAsync(string courriel, string? chaine, TextWriter sortie, TextWriter erreurs)
    {
        chaine ??= Environment.GetEnvironmentVariable("ConnectionStrings__Examens") ?? PersistanceExtensions.ChaineSqliteParDefaut(Path.GetFullPath(".data"));
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.AddExamensPersistance(chaine);
        services.AddIdentityCore<Compte>(ReglesIdentite.Appliquer)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ExamensDbContext>()
            .AddTokenProvider<AuthenticatorTokenProvider<Compte>>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddScoped<Core.Comptes.CreerAdministrateur>();
        await using var fournisseur = services.BuildServiceProvider();
        await using var portee = fournisseur.CreateAsyncScope();
        var db = portee.ServiceProvider.GetRequiredService<ExamensDbContext>();
        if ((await db.Database.GetPendingMigrationsAsync().ConfigureAwait(false)).Any())
        {
            await erreurs.WriteLineAsync("examens : la base n'est pas à jour ; lancez d'abord « examens migrate » avec la même connexion.").ConfigureAwait(false);
            return Application.EntreeInvalide;
        }

        var resultat = await portee.ServiceProvider.GetRequiredService<Core.Comptes.CreerAdministrateur>()
            .ExecuterAsync(courriel, "operateur", CancellationToken.None).ConfigureAwait(false);
        if (!resultat.Reussi)
        {
            foreach (var e in resultat.Erreurs)
            {
                await erreurs.WriteLineAsync($"examens : {e.Message}").ConfigureAwait(false);
            }

            return Application.EntreeInvalide;
        }

        var cree = resultat.Valeur!;
        await sortie.WriteLineAsync($"""
            Administrateur créé : {cree.Compte.Email}
            Mot de passe (affiché une seule fois : notez-le) : {cree.MotDePasse}
            Clé de l'application d'authentification (TOTP) : {cree.Cle}
            La même clé par groupes de 4 : {Core.Comptes.EnrolerAuthentificateur.Grouper(cree.Cle)}
            Adresse à scanner ou à saisir dans l'application : {cree.UriAuthentification}
            Codes de secours (chacun remplace une fois le code à 6 chiffres ; affichés une seule fois) :
            {string.Join(" ", cree.CodesSecours)}
            La connexion se fait sur /gestion/connexion avec le mot de passe puis le code à 6 chiffres de l'application.
            """).ConfigureAwait(false);
        return Application.Succes;
    }
}
