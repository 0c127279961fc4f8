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
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }
}

internal sealed class DatabaseHealthCheck(SiteDbContextFactory dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
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
