using Npgsql;

namespace Examens.Cli.Tests.Outils;

/// <summary>An empty database for one test, SQLite (a file) or PostgreSQL (a new database on the test server), removed at the end.</summary>
public sealed class BaseDeTest : IAsyncDisposable
{
    private readonly DirectoryInfo _dossier = Directory.CreateTempSubdirectory("examens-cli-");
    private string? _basePostgres;
    private string? _serveur;

    public string Chaine { get; private set; } = "";

    public static async Task<BaseDeTest> CreerAsync(string baseDeDonnees)
    {
        var b = new BaseDeTest();
        if (baseDeDonnees == "postgres")
        {
            b._serveur = Environment.GetEnvironmentVariable("EXAMENS_TEST_POSTGRES");
            if (string.IsNullOrEmpty(b._serveur))
            {
                Assert.Skip("PostgreSQL n'est pas démarré : lancez ./test.sh.");
            }

            b._basePostgres = $"examens_{Guid.NewGuid():N}";
            await using (var c = new NpgsqlConnection(b._serveur))
            {
                await c.OpenAsync(TestContext.Current.CancellationToken);
                await using var commande = new NpgsqlCommand($"CREATE DATABASE \"{b._basePostgres}\"", c);
                await commande.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            b.Chaine = new NpgsqlConnectionStringBuilder(b._serveur) { Database = b._basePostgres }.ConnectionString;
        }
        else
        {
            b.Chaine = $"Data Source={Path.Combine(b._dossier.FullName, "examens.db")}";
        }

        return b;
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dossier.Delete(true);
        if (_basePostgres is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var c = new NpgsqlConnection(_serveur);
            await c.OpenAsync(TestContext.Current.CancellationToken);
            await using var commande = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_basePostgres}\" WITH (FORCE)", c);
            await commande.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }
}
