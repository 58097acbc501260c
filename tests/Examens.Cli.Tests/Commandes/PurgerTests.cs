using Examens.Cli.Tests.Outils;

namespace Examens.Cli.Tests.Commandes;

/// <summary>The command's face; what the purge removes is checked end to end in Examens.Web.Tests/DonneesPersonnelles/PurgerDonneesTests.</summary>
public sealed class PurgerTests
{
    public static TheoryData<string> Bases => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Bases))]
    public async Task Purge_with_nothing_past_retention_says_so_and_a_dry_run_says_it_changes_nothing(string baseDeDonnees)
    {
        await using var baseDeTest = await BaseDeTest.CreerAsync(baseDeDonnees);
        Assert.Equal(0, await Application.ExecuterAsync(["migrate", baseDeTest.Chaine], TextReader.Null, new StringWriter(), new StringWriter()));

        var essai = new StringWriter();
        var erreurs = new StringWriter();
        Assert.True(await Application.ExecuterAsync(["purge", "--dry-run", baseDeTest.Chaine], TextReader.Null, essai, erreurs) == 0, erreurs.ToString());
        Assert.Equal(
            "Simulation (--dry-run) : rien n'est supprimé.\nAucune session dont la durée de conservation est écoulée : rien à supprimer." + Environment.NewLine,
            essai.ToString());

        var reel = new StringWriter();
        Assert.Equal(0, await Application.ExecuterAsync(["purge", baseDeTest.Chaine], TextReader.Null, reel, new StringWriter()));
        Assert.Equal("Aucune session dont la durée de conservation est écoulée : rien à supprimer." + Environment.NewLine, reel.ToString());
    }

    [Fact]
    public async Task An_unknown_purge_option_is_refused_with_the_help()
    {
        var erreurs = new StringWriter();
        Assert.Equal(2, await Application.ExecuterAsync(["purge", "--tout"], TextReader.Null, new StringWriter(), erreurs));
        Assert.Contains("examens purge [--dry-run] [CONNEXION]", erreurs.ToString(), StringComparison.Ordinal);
    }
}
