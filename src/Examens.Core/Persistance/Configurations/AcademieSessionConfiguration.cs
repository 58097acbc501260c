using Examens.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class AcademieSessionConfiguration : IEntityTypeConfiguration<AcademieSession>
{
    public void Configure(EntityTypeBuilder<AcademieSession> b)
    {
        b.Property(a => a.Code).HasMaxLength(20);
        b.Property(a => a.Nom).HasMaxLength(150);
        b.Property(a => a.Fuseau).HasMaxLength(64);
        b.HasIndex(a => new { a.SessionId, a.Code }).IsUnique();
        b.Ignore(a => a.FuseauHoraire);
        b.Ignore(a => a.Fenetre);
        b.Ignore(a => a.DateLimitePieces);
        b.Ignore(a => a.Parametres);
    }
}
