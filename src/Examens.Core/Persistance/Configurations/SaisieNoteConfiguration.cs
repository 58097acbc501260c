using Examens.Core.Inscriptions;
using Examens.Core.Notes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class SaisieNoteConfiguration : IEntityTypeConfiguration<SaisieNote>
{
    public void Configure(EntityTypeBuilder<SaisieNote> b)
    {
        b.ToTable("SaisiesNotes");
        b.Property(s => s.Unite).HasMaxLength(20);
        b.Property(s => s.Acteur).HasMaxLength(100);
        b.Property(s => s.Note).HasPrecision(5, 2);
        // One keying of each number per grade: a second import of saisie 1 replaces nothing silently, it is refused.
        b.HasIndex(s => new { s.InscriptionId, s.Unite, s.Numero }).IsUnique();
        b.HasOne<Inscription>().WithMany().HasForeignKey(s => s.InscriptionId);
    }
}
