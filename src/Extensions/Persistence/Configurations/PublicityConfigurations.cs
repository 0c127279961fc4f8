using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spcncl.Forms;
using Spcncl.Persistence.Entities;

namespace Spcncl.Persistence.Configurations;

internal sealed class CommentConfiguration : IEntityTypeConfiguration<CommentEntity>
{
    public void Configure(EntityTypeBuilder<CommentEntity> builder)
    {
        builder.ToTable("Comments");
        builder.HasKey(c => c.Id);
        builder.HasIndex(c => c.Key).IsUnique();
        builder.HasIndex(c => new { c.AnnouncementKey, c.CreatedUtc });
        builder.Property(c => c.Culture).HasMaxLength(10);
        builder.Property(c => c.Name).HasMaxLength(FormLimits.Name);
        builder.Property(c => c.Organisation).HasMaxLength(FormLimits.Organisation);
        builder.Property(c => c.Email).HasMaxLength(FormLimits.Email);
        builder.Property(c => c.Comment).HasMaxLength(FormLimits.LongText);
        builder.Property(c => c.HandledBy).HasMaxLength(256);
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistrationEntity>
{
    public void Configure(EntityTypeBuilder<EventRegistrationEntity> builder)
    {
        builder.ToTable("EventRegistrations");
        builder.HasKey(r => r.Id);
        builder.HasIndex(r => r.Key).IsUnique();
        builder.HasIndex(r => new { r.EventKey, r.CreatedUtc });
        builder.Property(r => r.Culture).HasMaxLength(10);
        builder.Property(r => r.Name).HasMaxLength(FormLimits.Name);
        builder.Property(r => r.Organisation).HasMaxLength(FormLimits.Organisation);
        builder.Property(r => r.Email).HasMaxLength(FormLimits.Email);
        builder.Property(r => r.Phone).HasMaxLength(FormLimits.Phone);
        builder.Property(r => r.Note).HasMaxLength(FormLimits.Note);
        builder.Property(r => r.HandledBy).HasMaxLength(256);
    }
}

internal sealed class DownloadCountConfiguration : IEntityTypeConfiguration<DownloadCountEntity>
{
    public void Configure(EntityTypeBuilder<DownloadCountEntity> builder)
    {
        builder.ToTable("DownloadCounts");
        builder.HasKey(d => new { d.DocumentKey, d.MediaKey });
    }
}
