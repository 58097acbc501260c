using Examens.Core.Convocations;
using Examens.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class HoraireEpreuveConfiguration : IEntityTypeConfiguration<HoraireEpreuve>
{
    public void Configure(EntityTypeBuilder<HoraireEpreuve> b)
    {
        b.ToTable("HorairesEpreuves");
        b.Property(h => h.Specialite).HasMaxLength(20);
        b.Property(h => h.Unite).HasMaxLength(20);
        b.HasIndex(h => new { h.SessionId, h.Specialite, h.Unite }).IsUnique();
        b.HasOne<SessionExamen>().WithMany().HasForeignKey(h => h.SessionId);
    }
}
