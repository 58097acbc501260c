using Examens.Core.Comptes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class CompteConfiguration : IEntityTypeConfiguration<Compte>
{
    public void Configure(EntityTypeBuilder<Compte> b)
    {
        b.Property(c => c.Nom).HasMaxLength(100);
        b.Property(c => c.Prenoms).HasMaxLength(150);
        b.Property(c => c.LieuNaissance).HasMaxLength(150);
        b.Property(c => c.IdentiteVerrouillee);
        b.Ignore(c => c.NomComplet);
        b.Ignore(c => c.IdentiteComplete);
    }
}
