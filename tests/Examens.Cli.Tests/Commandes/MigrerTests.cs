using Npgsql;

namespace Examens.Cli.Tests.Commandes;

public class MigrerTests
{
    public static TheoryData<string> Bases => ["sqlite", "postgres"];

    [Theory]
    [MemberData(nameof(Bases))]
    public async Task Migrate_creates_the_database_then_says_it_is_up_to_date(string baseDeDonnees)
    {
        var dossier = Directory.CreateTempSubdirectory("examens-migrer-");
        string? basePostgres = null;
        var serveur = Environment.GetEnvironmentVariable("EXAMENS_TEST_POSTGRES");
        string chaine;
        if (baseDeDonnees == "postgres")
        {
            if (string.IsNullOrEmpty(serveur))
            {
                Assert.Skip("PostgreSQL n'est pas démarré : lancez ./test.sh.");
            }

            basePostgres = $"examens_{Guid.NewGuid():N}";
            await using (var c = new NpgsqlConnection(serveur))
            {
                await c.OpenAsync(TestContext.Current.CancellationToken);
                await new NpgsqlCommand($"CREATE DATABASE \"{basePostgres}\"", c).ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }

            chaine = new NpgsqlConnectionStringBuilder(serveur) { Database = basePostgres }.ConnectionString;
        }
        else
        {
            chaine = $"Data Source={Path.Combine(dossier.FullName, "examens.db")}";
        }

        try
        {
            var sortie = new StringWriter();
            Assert.Equal(0, await Application.ExecuterAsync(["migrate", chaine], TextReader.Null, sortie, new StringWriter()));
            Assert.Contains("appliquée : ", sortie.ToString(), StringComparison.Ordinal);
            Assert.Contains(baseDeDonnees == "postgres" ? "Base Postgres à jour" : "Base Sqlite à jour", sortie.ToString(), StringComparison.Ordinal);

            sortie = new StringWriter();
            Assert.Equal(0, await Application.ExecuterAsync(["migrate", chaine], TextReader.Null, sortie, new StringWriter()));
            Assert.Contains("déjà à jour", sortie.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            dossier.Delete(true);
            if (basePostgres is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var c = new NpgsqlConnection(serveur);
                await c.OpenAsync(TestContext.Current.CancellationToken);
                await new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{basePostgres}\" WITH (FORCE)", c).ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
            }
        }
    }
}
