using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Spcncl.Hosting;

namespace Spcncl.Persistence;

public static class PersistenceServiceCollectionExtensions
{
    /// <summary>The database: SQLite under App_Data by default, PostgreSQL when <c>Site:Database:Provider</c> says so.</summary>
    public static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        // Configuration is read when the factory is first needed, so settings added late (tests, environment) count.
        services.AddSingleton(sp =>
        {
            var configuration = sp.GetRequiredService<IConfiguration>();
            var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
            return new SiteDbContextFactory(options.Provider, configuration.GetConnectionString("Site"), sp.GetRequiredService<SitePaths>());
        });
        services.AddSingleton<IDbContextFactory<SiteDbContext>>(sp => sp.GetRequiredService<SiteDbContextFactory>());
        services.AddSingleton<DatabaseHealthCheck>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}

/// <summary>Asks the database for its document count and pending migrations; the answer is kept 10 seconds so /health cannot be used to load it.</summary>
internal sealed class DatabaseHealthCheck(SiteDbContextFactory dbFactory, TimeProvider clock) : IHealthCheck
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(10);
    private (DateTimeOffset At, HealthCheckResult Result)? _last;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (_last is { } last && clock.GetUtcNow() - last.At < CacheFor)
        {
            return last.Result;
        }

        var result = await ProbeAsync(cancellationToken);
        _last = (clock.GetUtcNow(), result);
        return result;
    }

    private async Task<HealthCheckResult> ProbeAsync(CancellationToken cancellationToken)
    {
        var data = new Dictionary<string, object> { ["provider"] = dbFactory.Provider.ToString(), ["database"] = dbFactory.ConnectionDescription };
        try
        {
            await using var db = dbFactory.CreateDbContext();
            data["documents"] = await db.Documents.CountAsync(cancellationToken);
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            data["pendingMigrations"] = pending;
            return pending == 0
                ? HealthCheckResult.Healthy("The database answers.", data)
                : HealthCheckResult.Degraded($"{pending} migrations are pending.", data: data);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.", ex, data);
        }
    }
}
