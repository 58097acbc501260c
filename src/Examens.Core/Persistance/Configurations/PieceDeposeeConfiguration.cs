using Examens.Core.Inscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class PieceDeposeeConfiguration : IEntityTypeConfiguration<PieceDeposee>
{
    public void Configure(EntityTypeBuilder<PieceDeposee> b)
    {
        b.Property(p => p.Empreinte).HasMaxLength(64);
        b.Property(p => p.NomAffiche).HasMaxLength(200);
        b.Property(p => p.MotifRefus).HasMaxLength(1000);
        b.HasIndex(p => new { p.InscriptionId, p.Piece, p.Courante });
        b.HasIndex(p => p.Empreinte);
    }
}
