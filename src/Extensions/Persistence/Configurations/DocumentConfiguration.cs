using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spcncl.Persistence.Entities;

namespace Spcncl.Persistence.Configurations;

internal sealed class DocumentConfiguration : IEntityTypeConfiguration<DocumentEntity>
{
    public void Configure(EntityTypeBuilder<DocumentEntity> builder)
    {
        builder.ToTable("Documents");
        builder.HasKey(d => d.Id);
        builder.HasIndex(d => d.Key).IsUnique();
        builder.HasIndex(d => new { d.ParentId, d.SortOrder });
        builder.Property(d => d.ContentType).HasMaxLength(100).IsRequired();
        builder.Property(d => d.CreatedBy).HasMaxLength(256);
        builder.Property(d => d.UpdatedBy).HasMaxLength(256);
        builder.Property(d => d.Revision).IsConcurrencyToken();
        builder.HasOne<DocumentEntity>().WithMany().HasForeignKey(d => d.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(d => d.Cultures).WithOne(c => c.Document).HasForeignKey(c => c.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DocumentCultureConfiguration : IEntityTypeConfiguration<DocumentCultureEntity>
{
    public void Configure(EntityTypeBuilder<DocumentCultureEntity> builder)
    {
        builder.ToTable("DocumentCultures");
        builder.HasKey(c => new { c.DocumentId, c.Culture });
        builder.Property(c => c.Culture).HasMaxLength(10);
        builder.Property(c => c.Name).HasMaxLength(400).IsRequired();
        builder.Property(c => c.UrlSegment).HasMaxLength(200).IsRequired();
        builder.Property(c => c.PublishedName).HasMaxLength(400);
        builder.Property(c => c.PublishedUrlSegment).HasMaxLength(200);
        builder.Property(c => c.CreatedBy).HasMaxLength(256);
        builder.Property(c => c.UpdatedBy).HasMaxLength(256);
        builder.Property(c => c.PublishedBy).HasMaxLength(256);
        builder.HasIndex(c => new { c.Culture, c.IsPublished });
    }
}

internal sealed class DocumentVersionConfiguration : IEntityTypeConfiguration<DocumentVersionEntity>
{
    public void Configure(EntityTypeBuilder<DocumentVersionEntity> builder)
    {
        builder.ToTable("DocumentVersions");
        builder.HasKey(v => v.Id);
        builder.HasIndex(v => new { v.DocumentId, v.Id });
        builder.Property(v => v.Action).HasMaxLength(40);
        builder.Property(v => v.Cultures).HasMaxLength(100);
        builder.Property(v => v.CreatedBy).HasMaxLength(256);
        builder.HasOne(v => v.Document).WithMany().HasForeignKey(v => v.DocumentId).OnDelete(DeleteBehavior.Cascade);
    }
}
