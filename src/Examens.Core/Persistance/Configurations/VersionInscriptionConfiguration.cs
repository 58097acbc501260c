using Examens.Core.Inscriptions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class VersionInscriptionConfiguration : IEntityTypeConfiguration<VersionInscription>
{
    public void Configure(EntityTypeBuilder<VersionInscription> b)
    {
        // The database itself refuses a second version with the same number: a double submit cannot double.
        b.HasIndex(v => new { v.InscriptionId, v.Numero }).IsUnique();
        b.Property(v => v.Empreinte).HasMaxLength(64);
        b.Property(v => v.CodeVerification).HasMaxLength(20);
        b.Property(v => v.AuteurGestionnaire).HasMaxLength(450);
        b.Property(v => v.Motif).HasMaxLength(1000);
    }
}
