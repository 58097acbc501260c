using Examens.Core.Journal;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class EvenementJournalConfiguration : IEntityTypeConfiguration<EvenementJournal>
{
    public void Configure(EntityTypeBuilder<EvenementJournal> b)
    {
        b.ToTable("Journal");
        b.Property(e => e.Acteur).HasMaxLength(450);
        b.Property(e => e.Action).HasMaxLength(80);
        b.Property(e => e.Cible).HasMaxLength(120);
        b.Property(e => e.Motif).HasMaxLength(2000);
        b.Property(e => e.Adresse).HasMaxLength(64);
        b.HasIndex(e => new { e.Cible, e.InstantUtc });
    }
}
