using Examens.Core.Documents;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Examens.Core.Persistance.Configurations;

internal sealed class ContenuDocumentConfiguration : IEntityTypeConfiguration<ContenuDocument>
{
    public void Configure(EntityTypeBuilder<ContenuDocument> b)
    {
        b.HasKey(c => c.Empreinte);
        b.Property(c => c.Empreinte).HasMaxLength(64);
    }
}
