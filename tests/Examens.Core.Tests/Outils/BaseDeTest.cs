using Examens.Core.Persistance;
using Examens.Web.Tests.Outils;
using Microsoft.EntityFrameworkCore;

namespace Examens.Core.Tests.Outils;

/// <summary>A migrated database of its own, SQLite file or PostgreSQL database, removed at the end.</summary>
public sealed class BaseDeTest : IDisposable
{
    private readonly string? _postgres;
    private readonly DirectoryInfo _dossier = Directory.CreateTempSubdirectory("examens-base-");

    public BaseDeTest(string baseDeDonnees)
    {
        if (baseDeDonnees == BasesDeDonnees.Postgres)
        {
            (Chaine, _postgres) = BasesDeDonnees.CreerBasePostgres();
        }
        else
        {
            Chaine = $"Data Source={Path.Combine(_dossier.FullName, "examens.db")}";
        }

        using var db = Contexte();
        db.Database.Migrate();
    }

    public string Chaine { get; }

    public ExamensDbContext Contexte()
    {
        var options = new DbContextOptionsBuilder<ExamensDbContext>();
        PersistanceExtensions.Configurer(options, Chaine);
        return new ExamensDbContext(options.Options);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _dossier.Delete(true);
        if (_postgres is not null)
        {
            BasesDeDonnees.SupprimerBasePostgres(_postgres);
        }
    }
}
