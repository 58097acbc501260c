using Examens.Core.Comptes;
using Examens.Core.Inscriptions;
using Examens.Core.Sessions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class InscriptionConfiguration : IEntityTypeConfiguration<Inscription>
{
    public void Configure(EntityTypeBuilder<Inscription> b)
    {
        b.Property(i => i.Numero).HasMaxLength(40);
        b.HasIndex(i => i.Numero).IsUnique();
        // One registration per candidate and academy session.
        b.HasIndex(i => new { i.CandidatId, i.AcademieSessionId }).IsUnique();
        b.Property(i => i.CandidatId).HasMaxLength(450);
        b.HasOne(i => i.Candidat).WithMany().HasForeignKey(i => i.CandidatId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne(i => i.AcademieSession).WithMany().HasForeignKey(i => i.AcademieSessionId).OnDelete(DeleteBehavior.Restrict);
        b.Property(i => i.Revision).IsConcurrencyToken();
        b.Property(i => i.Etat);
        b.Property(i => i.DerniereVersion);
        b.Property(i => i.RetireeLeUtc);
        b.Property(i => i.Specialite).HasMaxLength(10);
        b.Property(i => i.Option).HasMaxLength(10);
        b.Property(i => i.Forme);
        b.HasIndex(i => new { i.AcademieSessionId, i.Specialite, i.Option });
        b.Property(i => i.EcarteeLeUtc);
        b.Property(i => i.MotifEcart).HasMaxLength(1000);
        b.Property(i => i.PiecesManquantes).HasMaxLength(80);
        b.Property(i => i.PiecesRefusees).HasMaxLength(80);
        b.HasIndex(i => new { i.AcademieSessionId, i.Etat, i.Complet });
        b.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.InscriptionId);
        b.HasMany(i => i.Pieces).WithOne().HasForeignKey(p => p.InscriptionId);
    }
}
