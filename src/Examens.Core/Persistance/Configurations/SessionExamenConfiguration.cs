using Examens.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class SessionExamenConfiguration : IEntityTypeConfiguration<SessionExamen>
{
    public void Configure(EntityTypeBuilder<SessionExamen> b)
    {
        b.Property(s => s.Libelle).HasMaxLength(120);
        b.Property(s => s.ConservationMois).HasDefaultValue(SessionExamen.ConservationParDefaut).HasSentinel(-1);
        b.HasMany(s => s.Academies).WithOne(a => a.Session).HasForeignKey(a => a.SessionId);
    }
}
