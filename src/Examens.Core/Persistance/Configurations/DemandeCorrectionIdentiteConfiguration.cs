using Examens.Core.Comptes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class DemandeCorrectionIdentiteConfiguration : IEntityTypeConfiguration<DemandeCorrectionIdentite>
{
    public void Configure(EntityTypeBuilder<DemandeCorrectionIdentite> b)
    {
        b.Property(d => d.CandidatId).HasMaxLength(450);
        b.HasOne<Compte>().WithMany().HasForeignKey(d => d.CandidatId).OnDelete(DeleteBehavior.Restrict);
        b.Property(d => d.Nom).HasMaxLength(100);
        b.Property(d => d.Prenoms).HasMaxLength(150);
        b.Property(d => d.LieuNaissance).HasMaxLength(150);
        b.Property(d => d.Explication).HasMaxLength(1000);
        b.Property(d => d.EmpreinteJustificatif).HasMaxLength(64);
        b.Property(d => d.MotifDecision).HasMaxLength(1000);
        b.HasIndex(d => new { d.CandidatId, d.Etat });
    }
}
