using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Spcncl.Persistence.Entities;

namespace Spcncl.Persistence.Configurations;

internal sealed class AwardCycleConfiguration : IEntityTypeConfiguration<AwardCycleEntity>
{
    public void Configure(EntityTypeBuilder<AwardCycleEntity> builder)
    {
        builder.ToTable("AwardCycles");
        builder.HasKey(c => c.Year);
        builder.Property(c => c.Year).ValueGeneratedNever();
        builder.Property(c => c.DecisionNumber).HasMaxLength(60);
        builder.Property(c => c.Status).HasMaxLength(30);
    }
}

internal sealed class AwardConfiguration : IEntityTypeConfiguration<AwardEntity>
{
    public void Configure(EntityTypeBuilder<AwardEntity> builder)
    {
        builder.ToTable("Awards");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.CertificateNumber).HasMaxLength(60).IsRequired();
        builder.HasIndex(a => a.CertificateNumber).IsUnique();
        builder.HasIndex(a => a.ProductKey);
        builder.HasIndex(a => a.EnterpriseKey);
        builder.HasIndex(a => new { a.Year, a.ProductKey }).IsUnique();
        builder.Property(a => a.SectorCode).HasMaxLength(30);
        builder.Property(a => a.ProductNameVi).HasMaxLength(400);
        builder.Property(a => a.ProductNameEn).HasMaxLength(400);
        builder.Property(a => a.EnterpriseNameVi).HasMaxLength(400);
        builder.Property(a => a.EnterpriseNameEn).HasMaxLength(400);
        builder.Property(a => a.EnterpriseTaxCode).HasMaxLength(20);
        builder.HasOne(a => a.Cycle).WithMany().HasForeignKey(a => a.Year).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EnquiryConfiguration : IEntityTypeConfiguration<EnquiryEntity>
{
    public void Configure(EntityTypeBuilder<EnquiryEntity> builder)
    {
        builder.ToTable("Enquiries");
        builder.HasKey(e => e.Id);
        builder.HasIndex(e => e.Key).IsUnique();
        builder.HasIndex(e => e.MailStatus);
        builder.HasIndex(e => e.CreatedUtc);
        builder.Property(e => e.Culture).HasMaxLength(10);
        builder.Property(e => e.Name).HasMaxLength(100);
        builder.Property(e => e.Company).HasMaxLength(150);
        builder.Property(e => e.Country).HasMaxLength(80);
        builder.Property(e => e.Email).HasMaxLength(254);
        builder.Property(e => e.Message).HasMaxLength(4000);
        builder.Property(e => e.MailStatus).HasMaxLength(20);
        builder.Property(e => e.MailError).HasMaxLength(1000);
        builder.Property(e => e.HandledBy).HasMaxLength(256);
    }
}
