using System.Text;
using System.Text.Json;
using Examens.Core.Simulations;

namespace Examens.Cli.Tests.Commandes;

public class SimulerTests
{
    private static string Exemple(string nom) => Path.Combine(Racine.Depot, "docs", "examples", nom);

    private static async Task<(int Code, string Sortie, string Erreurs)> Lancer(string entree, params string[] args)
    {
        var sortie = new StringWriter();
        var erreurs = new StringWriter();
        var code = await Application.ExecuterAsync(args, new StringReader(entree), sortie, erreurs);
        return (code, sortie.ToString(), erreurs.ToString());
    }

    [Fact]
    public async Task Deliberate_a_file_prints_the_same_JSON_as_the_HTTP_simulator_and_exits_0()
    {
        var (code, sortie, erreurs) = await Lancer("", "deliberate", Exemple("deliberation.json"));
        Assert.Equal(0, code);
        Assert.Equal("", erreurs);
        Assert.Equal(Encoding.UTF8.GetString(SimulationDeliberation.Executer(File.ReadAllBytes(Exemple("deliberation.json"))).Json), sortie);
        Assert.Equal("deferred", JsonDocument.Parse(sortie).RootElement.GetProperty("decision").GetString());
    }

    [Fact]
    public async Task A_dash_reads_standard_input()
    {
        var (code, sortie, _) = await Lancer(File.ReadAllText(Exemple("registration.json")), "check-registration", "-");
        Assert.Equal(0, code);
        Assert.True(JsonDocument.Parse(sortie).RootElement.GetProperty("valid").GetBoolean());
    }

    [Fact]
    public async Task A_broken_rule_exits_2_with_the_errors_on_stdout_and_one_line_on_stderr()
    {
        var entree = File.ReadAllText(Exemple("registration.json")).Replace("2023-11-15T15:59:59Z", "2023-11-15T16:00:00Z", StringComparison.Ordinal);
        var (code, sortie, erreurs) = await Lancer(entree, "check-registration", "-");
        Assert.Equal(2, code);
        Assert.Equal("SUBMITTED_AFTER_CLOSING", JsonDocument.Parse(sortie).RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
        Assert.Single(erreurs.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("trop tard", erreurs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Input_that_is_not_JSON_exits_2_with_the_error_shape()
    {
        var (code, sortie, _) = await Lancer("pas du json", "deliberate", "-");
        Assert.Equal(2, code);
        Assert.Equal("INVALID_JSON", JsonDocument.Parse(sortie).RootElement.GetProperty("errors")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_missing_file_is_said_in_French()
    {
        var (code, _, erreurs) = await Lancer("", "deliberate", "/nulle/part.json");
        Assert.Equal(2, code);
        Assert.Contains("n'existe pas", erreurs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_command_shows_the_help()
    {
        var (code, _, erreurs) = await Lancer("", "deliberer");
        Assert.Equal(2, code);
        Assert.Contains("Commande non reconnue", erreurs, StringComparison.Ordinal);
        Assert.Contains("examens check-registration", erreurs, StringComparison.Ordinal);
    }
}
