using Examens.Core.Inscriptions;
using Examens.Core.Resultats;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class DecisionJuryConfiguration : IEntityTypeConfiguration<DecisionJury>
{
    public void Configure(EntityTypeBuilder<DecisionJury> b)
    {
        b.ToTable("DecisionsJury");
        b.HasKey(d => d.InscriptionId);
        b.HasOne<Inscription>().WithOne().HasForeignKey<DecisionJury>(d => d.InscriptionId);
        b.Property(d => d.PointsJury).HasPrecision(6, 2);
        b.Property(d => d.Motif).HasMaxLength(1000);
        b.Property(d => d.ActeurId).HasMaxLength(450);
    }
}
