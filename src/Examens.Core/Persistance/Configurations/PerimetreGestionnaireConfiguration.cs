using Examens.Core.Comptes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class PerimetreGestionnaireConfiguration : IEntityTypeConfiguration<PerimetreGestionnaire>
{
    public void Configure(EntityTypeBuilder<PerimetreGestionnaire> b)
    {
        b.ToTable("PerimetresGestionnaires");
        b.Property(p => p.CompteId).HasMaxLength(450);
        b.Property(p => p.CodeAcademie).HasMaxLength(20);
        b.HasIndex(p => new { p.CompteId, p.CodeAcademie }).IsUnique();
        b.HasOne<Compte>().WithMany().HasForeignKey(p => p.CompteId).OnDelete(DeleteBehavior.Cascade);
    }
}
