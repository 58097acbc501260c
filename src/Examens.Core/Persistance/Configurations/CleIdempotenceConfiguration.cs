using Examens.Core.Idempotence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class CleIdempotenceConfiguration : IEntityTypeConfiguration<CleIdempotence>
{
    public void Configure(EntityTypeBuilder<CleIdempotence> b)
    {
        b.ToTable("ClesIdempotence");
        b.HasKey(x => x.Id);
        b.Property(x => x.CompteId).HasMaxLength(450);
        b.Property(x => x.Cle).HasMaxLength(100);
        b.Property(x => x.Route).HasMaxLength(300);
        b.Property(x => x.Resultat).HasMaxLength(1000);
        // The unique index is what lets exactly one of two simultaneous requests with the same key through.
        b.HasIndex(x => new { x.CompteId, x.Cle }).IsUnique();
        b.HasIndex(x => x.InstantUtc);
    }
}
