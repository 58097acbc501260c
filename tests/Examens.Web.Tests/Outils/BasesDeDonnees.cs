using Npgsql;

namespace Examens.Web.Tests.Outils;

/// <summary>
/// The two databases every database test runs on, one theory row each: the embedded SQLite and a real PostgreSQL
/// server (started by ./test.sh, whose connection string is in EXAMENS_TEST_POSTGRES).
/// </summary>
public static class BasesDeDonnees
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgres";

    public static TheoryData<string> Toutes => [Sqlite, Postgres];

    public static string? ServeurPostgres => Environment.GetEnvironmentVariable("EXAMENS_TEST_POSTGRES");

    /// <summary>A fresh database on the test server, so tests never see each other's data.</summary>
    public static (string Chaine, string Nom) CreerBasePostgres()
    {
        if (string.IsNullOrEmpty(ServeurPostgres))
        {
            Assert.Skip("PostgreSQL n'est pas démarré : lancez ./test.sh, qui démarre un serveur temporaire.");
        }

        var nom = $"examens_{Guid.NewGuid():N}";
        using (var connexion = new NpgsqlConnection(ServeurPostgres))
        {
            connexion.Open();
            using var commande = new NpgsqlCommand($"CREATE DATABASE \"{nom}\"", connexion);
            commande.ExecuteNonQuery();
        }

        return (new NpgsqlConnectionStringBuilder(ServeurPostgres) { Database = nom }.ConnectionString, nom);
    }

    public static void SupprimerBasePostgres(string nom)
    {
        NpgsqlConnection.ClearAllPools();
        using var connexion = new NpgsqlConnection(ServeurPostgres);
        connexion.Open();
        using var commande = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{nom}\" WITH (FORCE)", connexion);
        commande.ExecuteNonQuery();
    }
}
