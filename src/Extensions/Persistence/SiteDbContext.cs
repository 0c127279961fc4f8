using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Spcncl.Persistence.Entities;

namespace Spcncl.Persistence;

/// <summary>
/// The site's database. One model, two providers: each provider has its own subclass so that its migrations live
/// in their own folder (<c>Migrations/Sqlite</c>, <c>Migrations/PostgreSql</c>). The back office's users and roles
/// (ASP.NET Core Identity) live here too.
/// </summary>
public abstract class SiteDbContext(DbContextOptions options) : IdentityDbContext<BackOfficeUser, IdentityRole, string>(options)
{
    public DbSet<DocumentEntity> Documents => Set<DocumentEntity>();

    public DbSet<DocumentCultureEntity> DocumentCultures => Set<DocumentCultureEntity>();

    public DbSet<DocumentVersionEntity> DocumentVersions => Set<DocumentVersionEntity>();

    public DbSet<RedirectEntity> Redirects => Set<RedirectEntity>();

    public DbSet<ManualRedirectEntity> ManualRedirects => Set<ManualRedirectEntity>();

    public DbSet<AuditEntryEntity> AuditEntries => Set<AuditEntryEntity>();

    public DbSet<ContentChangeEntity> ContentChanges => Set<ContentChangeEntity>();

    public DbSet<DocumentTypeEntity> DocumentTypes => Set<DocumentTypeEntity>();

    public DbSet<DictionaryEntryEntity> DictionaryEntries => Set<DictionaryEntryEntity>();

    public DbSet<LanguageEntity> Languages => Set<LanguageEntity>();

    public DbSet<SiteStateEntity> SiteState => Set<SiteStateEntity>();

    public DbSet<MediaItemEntity> MediaItems => Set<MediaItemEntity>();

    public DbSet<MediaFolderEntity> MediaFolders => Set<MediaFolderEntity>();

    public DbSet<AwardCycleEntity> AwardCycles => Set<AwardCycleEntity>();

    public DbSet<AwardEntity> Awards => Set<AwardEntity>();

    public DbSet<EnquiryEntity> Enquiries => Set<EnquiryEntity>();

    public DbSet<CommentEntity> Comments => Set<CommentEntity>();

    public DbSet<EventRegistrationEntity> EventRegistrations => Set<EventRegistrationEntity>();

    public DbSet<DownloadCountEntity> DownloadCounts => Set<DownloadCountEntity>();

    public DbSet<ScheduledActionEntity> ScheduledActions => Set<ScheduledActionEntity>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SiteDbContext).Assembly, t => t.Namespace == typeof(Configurations.DocumentConfiguration).Namespace);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every timestamp is UTC. SQLite forgets the kind on the way back; PostgreSQL (timestamptz) insists on it going in.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<NullableUtcDateTimeConverter>();
    }

}

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));

internal sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    v => v == null ? v : v.Value.Kind == DateTimeKind.Utc ? v : v.Value.ToUniversalTime(),
    v => v == null ? v : DateTime.SpecifyKind(v.Value, DateTimeKind.Utc));

public sealed class SqliteSiteDbContext(DbContextOptions<SqliteSiteDbContext> options) : SiteDbContext(options);

public sealed class PostgreSqlSiteDbContext(DbContextOptions<PostgreSqlSiteDbContext> options) : SiteDbContext(options);
