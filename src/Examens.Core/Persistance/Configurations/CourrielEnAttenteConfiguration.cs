using Examens.Core.Courriels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class CourrielEnAttenteConfiguration : IEntityTypeConfiguration<CourrielEnAttente>
{
    public void Configure(EntityTypeBuilder<CourrielEnAttente> b)
    {
        b.ToTable("CourrielsEnAttente");
        b.Property(c => c.Destinataire).HasMaxLength(256);
        b.Property(c => c.Objet).HasMaxLength(500);
        b.Property(c => c.Detenteur).HasMaxLength(200);
        b.Property(c => c.DerniereErreur).HasMaxLength(200);
        // The pass looks for what is due, oldest first.
        b.HasIndex(c => c.ProchainEssaiUtc);
    }
}
