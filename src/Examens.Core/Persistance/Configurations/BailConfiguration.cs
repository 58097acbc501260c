using Examens.Core.Taches;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class BailConfiguration : IEntityTypeConfiguration<Bail>
{
    public void Configure(EntityTypeBuilder<Bail> b)
    {
        b.ToTable("Baux");
        b.HasKey(x => x.Nom);
        b.Property(x => x.Nom).HasMaxLength(100);
        b.Property(x => x.Detenteur).HasMaxLength(200);
    }
}
