using Examens.Core.Inscriptions;
using Examens.Core.Resultats;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class ResultatInscriptionConfiguration : IEntityTypeConfiguration<ResultatInscription>
{
    public void Configure(EntityTypeBuilder<ResultatInscription> b)
    {
        b.ToTable("ResultatsInscriptions");
        b.HasKey(r => r.InscriptionId);
        b.HasOne<Inscription>().WithOne().HasForeignKey<ResultatInscription>(r => r.InscriptionId);
        b.Property(r => r.Moyenne).HasPrecision(18, 10);
        b.Property(r => r.Points).HasPrecision(12, 4);
        b.Property(r => r.Coefficients).HasPrecision(8, 2);
        b.Property(r => r.BonusFacultatif).HasPrecision(10, 4);
        b.Property(r => r.PointsJury).HasPrecision(6, 2);
    }
}
