using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Examens.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for SQLite without starting the web host.</summary>
public sealed class FabriqueConception : IDesignTimeDbContextFactory<ExamensDbContext>
{
    public ExamensDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ExamensDbContext>();
        PersistanceExtensions.Configurer(options, "Data Source=conception.db");
        return new ExamensDbContext(options.Options);
    }
}
