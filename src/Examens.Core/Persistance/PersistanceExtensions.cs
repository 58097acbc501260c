using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Core.Persistance;

public enum Fournisseur
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The database is chosen by its connection string: an Npgsql one (<c>Host=…</c>) is PostgreSQL, anything else the
/// embedded SQLite. Each provider has its own migrations project (SQLite migrations are wrong on PostgreSQL).
/// </summary>
public static class PersistanceExtensions
{
    public const string AssemblageMigrationsSqlite = "Examens.Migrations.Sqlite";
    public const string AssemblageMigrationsPostgres = "Examens.Migrations.Postgres";

    /// <summary>The embedded default: a SQLite file in the data folder.</summary>
    public static string ChaineSqliteParDefaut(string dossierDonnees) =>
        $"Data Source={Path.Combine(dossierDonnees, "examens.db")};Cache=Shared;Foreign Keys=True";

    public static Fournisseur FournisseurDe(string chaineConnexion)
    {
        ArgumentNullException.ThrowIfNull(chaineConnexion);
        return chaineConnexion.Contains("Host=", StringComparison.OrdinalIgnoreCase)
               || chaineConnexion.Contains("Server=", StringComparison.OrdinalIgnoreCase)
            ? Fournisseur.Postgres
            : Fournisseur.Sqlite;
    }

    /// <param name="accueilEnCache">How many candidates' home pages a node keeps (<see cref="Inscriptions.AccueilEnCache"/>); 0 keeps none (the command line).</param>
    public static IServiceCollection AddExamensPersistance(this IServiceCollection services, string chaineConnexion, int accueilEnCache = 0)
    {
        // Pooled: a request reuses a context instead of building one (the model and its services are set up once);
        // each context is reset when it goes back to the pool.
        // The command line and some tests register no clock: the system's then.
        services.AddSingleton(sp => new Sessions.AcademiesEnCache(sp.GetService<TimeProvider>() ?? TimeProvider.System));
        services.AddSingleton(sp => new Inscriptions.AccueilEnCache(sp.GetService<TimeProvider>() ?? TimeProvider.System, accueilEnCache));
        services.AddSingleton<InvalidationCopies>();
        var modele = ModeleCompile(FournisseurDe(chaineConnexion));
        services.AddDbContextPool<ExamensDbContext>((sp, o) =>
        {
            Configurer(o, chaineConnexion);
            if (modele is not null)
            {
                // Migrating checks the code's model against the last migration, which means building that model: the
                // very work the compiled one saves. A test makes the same check (HasPendingModelChanges).
                o.UseModel(modele).ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));
            }

            o.AddInterceptors(sp.GetRequiredService<InvalidationCopies>());
        });
        return services;
    }

    /// <summary>
    /// The model generated ahead of time for this provider, in its migrations project (<c>ModeleCompile/</c>, made by
    /// <c>dotnet ef dbcontext optimize</c>, see docs/operations.md): a node then starts without building the model from
    /// the configurations (about 0.3 s of CPU of each start on a 2-core machine). Null when that project is not deployed beside Core. Only
    /// the running services use it: the design-time factories (migrations, the generator itself) build the model from
    /// the code, and a test checks that both models say the same.
    /// </summary>
    public static Microsoft.EntityFrameworkCore.Metadata.IModel? ModeleCompile(Fournisseur fournisseur)
    {
        var assemblage = fournisseur == Fournisseur.Postgres ? AssemblageMigrationsPostgres : AssemblageMigrationsSqlite;
        return Type.GetType($"{assemblage}.ModeleCompile.ExamensDbContextModel, {assemblage}")?.GetProperty("Instance")?.GetValue(null)
            as Microsoft.EntityFrameworkCore.Metadata.IModel;
    }

    /// <summary>
    /// The operator's PostgreSQL connection string, with two defaults for the rush when it does not set them: the
    /// statements a node repeats (every page's queries) are prepared once per connection ("Max Auto Prepare": the
    /// server parses and plans them once, not on each call), and a connection going back to the pool is not reset
    /// with a round trip ("No Reset On Close": Examens never changes a session's settings). Either can be set in the
    /// string to override (docs/operations.md).
    /// </summary>
    public static string ChainePostgres(string chaineConnexion)
    {
        // Npgsql's builder knows every keyword, set or not: the operator's own keys are read from the raw string.
        var brute = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = chaineConnexion };
        var cles = brute.Keys.Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        var b = new Npgsql.NpgsqlConnectionStringBuilder(chaineConnexion);
        if (!cles.Contains("MAXAUTOPREPARE"))
        {
            b.MaxAutoPrepare = 64;
            b.AutoPrepareMinUsages = 2;
        }

        if (!cles.Contains("NORESETONCLOSE"))
        {
            b.NoResetOnClose = true;
        }

        return b.ConnectionString;
    }

    public static void Configurer(DbContextOptionsBuilder options, string chaineConnexion)
    {
        ArgumentNullException.ThrowIfNull(options);
        switch (FournisseurDe(chaineConnexion))
        {
            case Fournisseur.Postgres:
                // A small pool per node: the database, not the web node, is the bottleneck (ecosystem-facts.md §8).
                options.UseNpgsql(ChainePostgres(chaineConnexion), pg => pg.MigrationsAssembly(AssemblageMigrationsPostgres).EnableRetryOnFailure(3));
                break;
            case Fournisseur.Sqlite:
                options.UseSqlite(chaineConnexion, sqlite => sqlite.MigrationsAssembly(AssemblageMigrationsSqlite));
                break;
        }
    }
}
