using Examens.Core.Convocations;
using Examens.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class AnnonceResultatsConfiguration : IEntityTypeConfiguration<AnnonceResultats>
{
    public void Configure(EntityTypeBuilder<AnnonceResultats> b)
    {
        b.ToTable("AnnoncesResultats");
        b.HasKey(a => a.SessionId);
        b.Property(a => a.Lieux).HasMaxLength(1000);
        b.HasOne<SessionExamen>().WithOne().HasForeignKey<AnnonceResultats>(a => a.SessionId);
    }
}
