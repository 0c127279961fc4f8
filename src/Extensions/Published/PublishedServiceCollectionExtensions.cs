using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Spcncl.Content;
using Spcncl.Content.Notifications;
using Spcncl.Published.Models;

namespace Spcncl.Published;

public static class PublishedServiceCollectionExtensions
{
    /// <summary>The in-memory published snapshot, its typed models, the route lookup the content service uses for redirects, and manual redirects.</summary>
    public static IServiceCollection AddPublished(this IServiceCollection services)
    {
        services.AddSingleton<PublishedSnapshotService>();
        services.AddSingleton<INotificationHandler<ContentChangedNotification>>(sp => sp.GetRequiredService<PublishedSnapshotService>());
        services.AddSingleton<IPublishedRouteLookup>(sp => sp.GetRequiredService<PublishedSnapshotService>());
        services.AddSingleton<Hosting.ISiteLoader>(sp => sp.GetRequiredService<PublishedSnapshotService>());
        services.AddSingleton<IContentCacheProbe>(sp => sp.GetRequiredService<PublishedSnapshotService>());
        services.AddSingleton<PublishedModelFactory>();
        services.AddSingleton<ManualRedirects>();
        services.AddHealthChecks().AddCheck<SnapshotHealthCheck>("snapshot");
        return services;
    }
}

internal sealed class SnapshotHealthCheck(PublishedSnapshotService snapshots) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var snapshot = snapshots.Current;
        var data = new Dictionary<string, object>
        {
            ["documents"] = snapshot.Count,
            ["generation"] = snapshot.Generation,
            ["lastPublishUtc"] = snapshot.LastPublishedUtc?.ToString("O") ?? "",
            ["loadedUtc"] = snapshots.LoadedUtc?.ToString("O") ?? "",
        };
        return Task.FromResult(snapshot.Home is null
            ? HealthCheckResult.Unhealthy("No published home page: the site has nothing to show.", data: data)
            : HealthCheckResult.Healthy($"{snapshot.Count} published documents in memory.", data));
    }
}
