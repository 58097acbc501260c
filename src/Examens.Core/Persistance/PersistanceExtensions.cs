using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Examens.Core.Persistance;

public static class PersistanceExtensions
{
    public const string AssemblageMigrationsSqlite = "Examens.Migrations.Sqlite";

    /// <summary>The embedded default: a SQLite file in the data folder.</summary>
    public static string ChaineSqliteParDefaut(string dossierDonnees) =>
        $"Data Source={Path.Combine(dossierDonnees, "examens.db")};Cache=Shared;Foreign Keys=True";

    public static IServiceCollection AddExamensPersistance(this IServiceCollection services, string chaineConnexion)
    {
        services.AddDbContext<ExamensDbContext>(o => Configurer(o, chaineConnexion));
        return services;
    }

    public static void Configurer(DbContextOptionsBuilder options, string chaineConnexion)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.UseSqlite(chaineConnexion, sqlite => sqlite.MigrationsAssembly(AssemblageMigrationsSqlite));
    }
}
