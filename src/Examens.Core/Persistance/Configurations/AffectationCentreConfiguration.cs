using Examens.Core.Convocations;
using Examens.Core.Inscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class AffectationCentreConfiguration : IEntityTypeConfiguration<AffectationCentre>
{
    public void Configure(EntityTypeBuilder<AffectationCentre> b)
    {
        b.ToTable("AffectationsCentres");
        b.HasKey(a => a.InscriptionId);
        b.HasOne<Inscription>().WithOne().HasForeignKey<AffectationCentre>(a => a.InscriptionId);
        b.HasOne(a => a.Centre).WithMany().HasForeignKey(a => a.CentreId);
        b.HasIndex(a => a.CentreId);
    }
}
