using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spcncl.Persistence.Entities;

namespace Spcncl.Persistence.Configurations;

internal sealed class MediaItemConfiguration : IEntityTypeConfiguration<MediaItemEntity>
{
    public void Configure(EntityTypeBuilder<MediaItemEntity> builder)
    {
        builder.ToTable("MediaItems");
        builder.HasKey(m => m.Id);
        builder.HasIndex(m => m.Key).IsUnique();
        builder.HasIndex(m => m.FolderId);
        builder.Property(m => m.Name).HasMaxLength(255).IsRequired();
        builder.Property(m => m.FileName).HasMaxLength(255).IsRequired();
        builder.Property(m => m.StoredName).HasMaxLength(120).IsRequired();
        builder.Property(m => m.Kind).HasMaxLength(20);
        builder.Property(m => m.ContentType).HasMaxLength(100);
        builder.Property(m => m.Sha256).HasMaxLength(64);
        builder.Property(m => m.CreatedBy).HasMaxLength(256);
        builder.Property(m => m.UpdatedBy).HasMaxLength(256);
        builder.Property(m => m.Version).IsConcurrencyToken();
        builder.HasOne<MediaFolderEntity>().WithMany().HasForeignKey(m => m.FolderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class MediaFolderConfiguration : IEntityTypeConfiguration<MediaFolderEntity>
{
    public void Configure(EntityTypeBuilder<MediaFolderEntity> builder)
    {
        builder.ToTable("MediaFolders");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Name).HasMaxLength(255).IsRequired();
        builder.HasOne<MediaFolderEntity>().WithMany().HasForeignKey(f => f.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
