using Examens.Core.Inscriptions;
using Examens.Core.Resultats;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class NoteUniteConfiguration : IEntityTypeConfiguration<NoteUnite>
{
    public void Configure(EntityTypeBuilder<NoteUnite> b)
    {
        b.ToTable("NotesUnites");
        b.Property(n => n.Unite).HasMaxLength(20);
        b.Property(n => n.Note).HasPrecision(5, 2);
        b.HasIndex(n => new { n.InscriptionId, n.Unite }).IsUnique();
        b.HasOne<Inscription>().WithMany().HasForeignKey(n => n.InscriptionId);
    }
}
