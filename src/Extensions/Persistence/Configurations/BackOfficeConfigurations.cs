using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spcncl.Persistence.Entities;

namespace Spcncl.Persistence.Configurations;

internal sealed class BackOfficeUserConfiguration : IEntityTypeConfiguration<BackOfficeUser>
{
    public void Configure(EntityTypeBuilder<BackOfficeUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(100);
        builder.Property(u => u.UiCulture).HasMaxLength(10);
    }
}

internal sealed class ScheduledActionConfiguration : IEntityTypeConfiguration<ScheduledActionEntity>
{
    public void Configure(EntityTypeBuilder<ScheduledActionEntity> builder)
    {
        builder.ToTable("ScheduledActions");
        builder.HasKey(s => s.Id);
        builder.HasIndex(s => new { s.DoneUtc, s.DueUtc });
        builder.HasIndex(s => s.DocumentId);
        builder.Property(s => s.Action).HasMaxLength(20);
        builder.Property(s => s.Cultures).HasMaxLength(100);
        builder.Property(s => s.CreatedBy).HasMaxLength(256);
        builder.Property(s => s.Error).HasMaxLength(1000);
    }
}
