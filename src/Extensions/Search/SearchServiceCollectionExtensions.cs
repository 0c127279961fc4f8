using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Spcncl.Content.Notifications;
using Spcncl.Hosting;
using Spcncl.Registry;

namespace Spcncl.Search;

public static class SearchServiceCollectionExtensions
{
    /// <summary>The site's public search index ("external", as Examine names it), kept in step with the published content.</summary>
    public static IServiceCollection AddSearch(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var registry = sp.GetRequiredService<AwardRegistry>();
            return new SearchIndexDefinition(ExternalIndex, SchemaVersion, [new ProductValueSetBuilder(registry), new EnterpriseValueSetBuilder(registry)], new DefaultValueSetBuilder());
        });
        services.AddSingleton<SearchIndex>();
        services.AddSingleton<SearchService>();
        services.AddSingleton<SearchRebuilds>();
        services.AddSingleton<SearchIndexUpdater>();
        services.AddSingleton<ISiteLoadedHandler>(sp => sp.GetRequiredService<SearchIndexUpdater>());
        services.AddSingleton<INotificationHandler<ContentChangedNotification>>(sp => sp.GetRequiredService<SearchIndexUpdater>());
        services.AddHealthChecks().AddCheck<SearchHealthCheck>("search");
        return services;
    }

    public const string ExternalIndex = "external";

    /// <summary>Raise when the fields or their analysis change: the next start rebuilds the index.</summary>
    public const int SchemaVersion = 4;
}

/// <summary>The index in <c>/health</c>: documents per kind, last update, rebuild in progress. A missing index degrades, not fails: pages still work.</summary>
internal sealed class SearchHealthCheck(SearchIndex index) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = index.Status();
        var data = new Dictionary<string, object>
        {
            ["documents"] = status.Documents,
            ["rebuilding"] = status.Rebuilding,
            ["lastUpdateUtc"] = status.LastUpdateUtc?.ToString("O", CultureInfo.InvariantCulture) ?? "",
        };
        foreach (var (kind, count) in status.ByKind)
        {
            data[kind] = count;
        }

        return Task.FromResult(status.Ready
            ? HealthCheckResult.Healthy($"{status.Documents} documents in the '{status.Name}' index{(status.Rebuilding ? "; a rebuild is under way" : "")}.", data)
            : HealthCheckResult.Degraded("The search index is being built; search answers when it is ready.", data: data));
    }
}
