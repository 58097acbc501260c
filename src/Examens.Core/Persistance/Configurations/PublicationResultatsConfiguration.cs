using Examens.Core.Resultats;
using Examens.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class PublicationResultatsConfiguration : IEntityTypeConfiguration<PublicationResultats>
{
    public void Configure(EntityTypeBuilder<PublicationResultats> b)
    {
        b.ToTable("PublicationsResultats");
        b.HasKey(p => p.SessionId);
        b.HasOne<SessionExamen>().WithOne().HasForeignKey<PublicationResultats>(p => p.SessionId);
        b.Property(p => p.VerrouillesPar).HasMaxLength(450);
        b.Ignore(p => p.Verrouilles);
    }
}
