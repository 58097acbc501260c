using Examens.Core.Persistance;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Examens.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model for PostgreSQL without a server or the web host.</summary>
public sealed class FabriqueConception : IDesignTimeDbContextFactory<ExamensDbContext>
{
    public ExamensDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ExamensDbContext>();
        PersistanceExtensions.Configurer(options, "Host=127.0.0.1;Database=examens;Username=examens");
        return new ExamensDbContext(options.Options);
    }
}
