using System.Text.RegularExpressions;
using Examens.Cli.Tests.Outils;
using Examens.Core.Comptes;
using Examens.Core.Persistance;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Examens.Cli.Tests.Commandes;

public sealed partial class CreerAdministrateurTests
{
    public static TheoryData<string> Bases => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Bases))]
    public async Task Admin_create_makes_a_confirmed_administrator_with_two_factor_on_and_prints_the_password_and_key_once(string baseDeDonnees)
    {
        await using var baseDeTest = await BaseDeTest.CreerAsync(baseDeDonnees);
        Assert.Equal(0, await Application.ExecuterAsync(["migrate", baseDeTest.Chaine], TextReader.Null, new StringWriter(), new StringWriter()));

        var sortie = new StringWriter();
        Assert.Equal(0, await Application.ExecuterAsync(["admin", "create", "chef@exemple.fr", baseDeTest.Chaine], TextReader.Null, sortie, new StringWriter()));

        var texte = sortie.ToString();
        var motDePasse = MotDePasseRegex().Match(texte).Groups[1].Value;
        var cle = CleRegex().Match(texte).Groups[1].Value;
        Assert.Matches("^[A-Z2-7]{32,}$", cle);
        Assert.Contains($"otpauth://totp/Examens:chef%40exemple.fr?secret={cle}&issuer=Examens", texte, StringComparison.Ordinal);
        Assert.Contains($"La même clé par groupes de 4 : {string.Join(' ', cle.Chunk(4).Select(g => new string(g)))}", texte, StringComparison.Ordinal);
        // The same 10 recovery codes a member enrolling in the back-office gets.
        Assert.Equal(10, Regex.Count(texte[texte.IndexOf("Codes de secours", StringComparison.Ordinal)..], @"\b[A-Z0-9]{5}-[A-Z0-9]{5}\b"));

        var options = new DbContextOptionsBuilder<ExamensDbContext>();
        PersistanceExtensions.Configurer(options, baseDeTest.Chaine);
        await using var db = new ExamensDbContext(options.Options);
        var compte = await db.Users.SingleAsync(u => u.Email == "chef@exemple.fr", TestContext.Current.CancellationToken);
        Assert.True(compte.EmailConfirmed);
        Assert.True(compte.TwoFactorEnabled);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<Compte>().VerifyHashedPassword(compte, compte.PasswordHash!, motDePasse));
        var roles = await db.UserRoles.Where(r => r.UserId == compte.Id).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(TestContext.Current.CancellationToken);
        Assert.Equal([RolesPersonnel.Administrateur], roles);
        Assert.Equal(cle, await db.UserTokens.Where(t => t.UserId == compte.Id && t.Name == "AuthenticatorKey").Select(t => t.Value).SingleAsync(TestContext.Current.CancellationToken));
        Assert.Single(await db.Journal.Where(e => e.Action == "compte.administrateur.cree" && e.Cible == $"compte:{compte.Id}").ToListAsync(TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Bases))]
    public async Task Admin_create_refuses_an_address_that_already_has_an_account(string baseDeDonnees)
    {
        await using var baseDeTest = await BaseDeTest.CreerAsync(baseDeDonnees);
        Assert.Equal(0, await Application.ExecuterAsync(["migrate", baseDeTest.Chaine], TextReader.Null, new StringWriter(), new StringWriter()));
        Assert.Equal(0, await Application.ExecuterAsync(["admin", "create", "chef@exemple.fr", baseDeTest.Chaine], TextReader.Null, new StringWriter(), new StringWriter()));

        var erreurs = new StringWriter();
        Assert.Equal(2, await Application.ExecuterAsync(["admin", "create", "chef@exemple.fr", baseDeTest.Chaine], TextReader.Null, new StringWriter(), erreurs));

        Assert.Contains("Un compte existe déjà", erreurs.ToString(), StringComparison.Ordinal);
    }

    [GeneratedRegex(@"Mot de passe \(affiché une seule fois : notez-le\) : (\S+)")]
    private static partial Regex MotDePasseRegex();

    [GeneratedRegex(@"Clé de l'application d'authentification \(TOTP\) : (\S+)")]
    private static partial Regex CleRegex();
}
