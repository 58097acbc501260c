using Examens.Core.Convocations;
using Examens.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class CentreExamenConfiguration : IEntityTypeConfiguration<CentreExamen>
{
    public void Configure(EntityTypeBuilder<CentreExamen> b)
    {
        b.ToTable("CentresExamen");
        b.Property(c => c.CodeAcademie).HasMaxLength(20);
        b.Property(c => c.Nom).HasMaxLength(200);
        b.Property(c => c.Adresse).HasMaxLength(500);
        b.HasIndex(c => new { c.SessionId, c.Nom }).IsUnique();
        b.HasOne<SessionExamen>().WithMany().HasForeignKey(c => c.SessionId);
    }
}
