using Examens.Core.Inscriptions;
using Examens.Core.Rappels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class RappelEnvoyeConfiguration : IEntityTypeConfiguration<RappelEnvoye>
{
    public void Configure(EntityTypeBuilder<RappelEnvoye> b)
    {
        b.ToTable("RappelsEnvoyes");
        b.Property(r => r.Objet).HasMaxLength(500);
        // The claim: one reminder per registration and delay, whatever the number of nodes or restarts.
        b.HasIndex(r => new { r.InscriptionId, r.DelaiMinutes }).IsUnique();
        b.HasOne<Inscription>().WithMany().HasForeignKey(r => r.InscriptionId).OnDelete(DeleteBehavior.Cascade);
    }
}
