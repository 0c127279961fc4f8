using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spcncl.Persistence.Entities;

namespace Spcncl.Persistence.Configurations;

internal sealed class RedirectConfiguration : IEntityTypeConfiguration<RedirectEntity>
{
    public void Configure(EntityTypeBuilder<RedirectEntity> builder)
    {
        builder.ToTable("Redirects");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Path).HasMaxLength(900).IsRequired();
        builder.Property(r => r.Culture).HasMaxLength(10);
        builder.HasIndex(r => r.Path).IsUnique();
        builder.HasIndex(r => r.DocumentKey);
    }
}

internal sealed class ManualRedirectConfiguration : IEntityTypeConfiguration<ManualRedirectEntity>
{
    public void Configure(EntityTypeBuilder<ManualRedirectEntity> builder)
    {
        builder.ToTable("ManualRedirects");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Path).HasMaxLength(900).IsRequired();
        builder.Property(r => r.Target).HasMaxLength(900).IsRequired();
        builder.Property(r => r.CreatedBy).HasMaxLength(256);
        builder.HasIndex(r => r.Path).IsUnique();
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntryEntity>
{
    public void Configure(EntityTypeBuilder<AuditEntryEntity> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.Action).HasMaxLength(60);
        builder.Property(a => a.Cultures).HasMaxLength(100);
        builder.Property(a => a.Details).HasMaxLength(4000);
        builder.HasIndex(a => a.TimestampUtc);
        builder.HasIndex(a => a.DocumentId);
    }
}

internal sealed class ContentChangeConfiguration : IEntityTypeConfiguration<ContentChangeEntity>
{
    public void Configure(EntityTypeBuilder<ContentChangeEntity> builder)
    {
        builder.ToTable("ContentChanges");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.OriginInstance).HasMaxLength(100);
        builder.HasIndex(c => c.CreatedUtc);
    }
}

internal sealed class DocumentTypeConfiguration : IEntityTypeConfiguration<DocumentTypeEntity>
{
    public void Configure(EntityTypeBuilder<DocumentTypeEntity> builder)
    {
        builder.ToTable("DocumentTypes");
        builder.HasKey(t => t.Alias);
        builder.Property(t => t.Alias).HasMaxLength(100);
    }
}

internal sealed class DictionaryEntryConfiguration : IEntityTypeConfiguration<DictionaryEntryEntity>
{
    public void Configure(EntityTypeBuilder<DictionaryEntryEntity> builder)
    {
        builder.ToTable("DictionaryEntries");
        builder.HasKey(e => new { e.Key, e.Culture });
        builder.Property(e => e.Key).HasMaxLength(200);
        builder.Property(e => e.Culture).HasMaxLength(10);
    }
}

internal sealed class LanguageConfiguration : IEntityTypeConfiguration<LanguageEntity>
{
    public void Configure(EntityTypeBuilder<LanguageEntity> builder)
    {
        builder.ToTable("Languages");
        builder.HasKey(l => l.Code);
        builder.Property(l => l.Code).HasMaxLength(10);
        builder.Property(l => l.NativeName).HasMaxLength(100);
    }
}

internal sealed class SiteStateConfiguration : IEntityTypeConfiguration<SiteStateEntity>
{
    public void Configure(EntityTypeBuilder<SiteStateEntity> builder)
    {
        builder.ToTable("SiteState");
        builder.HasKey(s => s.Key);
        builder.Property(s => s.Key).HasMaxLength(100);
    }
}
