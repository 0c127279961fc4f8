using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Spcncl.Hosting;

namespace Spcncl.Persistence;

/// <summary>Creates contexts for the configured provider. Options are built once; contexts are cheap and short-lived.</summary>
public sealed class SiteDbContextFactory : IDbContextFactory<SiteDbContext>
{
    private readonly Func<SiteDbContext> _create;

    public SiteDbContextFactory(DatabaseProvider provider, string? connectionString, SitePaths paths)
    {
        Provider = provider;
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    Directory.CreateDirectory(paths.Data);
                    connectionString = new SqliteConnectionStringBuilder
                    {
                        DataSource = Path.Combine(paths.Data, "spcncl.db"),
                        Pooling = true,
                        DefaultTimeout = 30,
                    }.ToString();
                }

                _create = SqliteContexts(connectionString);
                break;
            case DatabaseProvider.PostgreSql:
                if (string.IsNullOrWhiteSpace(connectionString))
                {
                    throw new SiteConfigurationException("Site:Database:Provider is PostgreSql but ConnectionStrings:Site is empty: set it, e.g. in the environment variable ConnectionStrings__Site.");
                }

                _create = PostgreSqlContexts(connectionString);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider.");
        }

        ConnectionDescription = provider == DatabaseProvider.Sqlite
            ? new SqliteConnectionStringBuilder(connectionString).DataSource
            : DescribePostgres(connectionString);
    }

    public DatabaseProvider Provider { get; }

    // One method per provider, so that only the configured provider's assemblies are loaded (and take memory).
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Func<SiteDbContext> SqliteContexts(string connectionString)
    {
        var options = new DbContextOptionsBuilder<SqliteSiteDbContext>()
            .UseSqlite(connectionString, o => o.MigrationsHistoryTable("__EFMigrationsHistory"))
            .Options;
        return () => new SqliteSiteDbContext(options);
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static Func<SiteDbContext> PostgreSqlContexts(string connectionString)
    {
        var options = new DbContextOptionsBuilder<PostgreSqlSiteDbContext>()
            .UseNpgsql(connectionString)
            .Options;
        return () => new PostgreSqlSiteDbContext(options);
    }

    /// <summary>Where the data is, without secrets (for logs and /health).</summary>
    public string ConnectionDescription { get; }

    public SiteDbContext CreateDbContext() => _create();

    /// <summary>
    /// Applies pending migrations, if any: on an up-to-date database this is one query, not the model comparison
    /// that <c>Migrate</c> always runs. A new SQLite file switches to write-ahead logging so readers never wait for a writer.
    /// </summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = CreateDbContext();
        if (!(await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            return;
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (Provider == DatabaseProvider.Sqlite)
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    private static string DescribePostgres(string connectionString)
    {
        var builder = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        builder.TryGetValue("Host", out var host);
        builder.TryGetValue("Port", out var port);
        builder.TryGetValue("Database", out var database);
        return $"{host}:{port ?? "5432"}/{database}";
    }
}

/// <summary>Lets <c>dotnet ef</c> build each provider's migrations without the web host.</summary>
internal sealed class SqliteDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<SqliteSiteDbContext>
{
    public SqliteSiteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSiteDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

internal sealed class PostgreSqlDesignTimeFactory : Microsoft.EntityFrameworkCore.Design.IDesignTimeDbContextFactory<PostgreSqlSiteDbContext>
{
    public PostgreSqlSiteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlSiteDbContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
