using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Spcncl.Hosting;

public static class HostingServiceCollectionExtensions
{
    /// <summary>Registers <see cref="SitePaths"/> for the site root found at start-up, <see cref="SiteInitializer"/> and the clock.</summary>
    public static IServiceCollection AddSitePaths(this IServiceCollection services, IConfiguration configuration, string rootPath)
    {
        services.AddOptions<SitePathOptions>().Bind(configuration.GetSection("Site"));
        services.AddSingleton(sp => new SitePaths(sp.GetRequiredService<IOptions<SitePathOptions>>(), rootPath));
        services.AddSingleton<SiteInitializer>();
        services.AddSingleton(_ => ShiftedTimeProvider.For(configuration["Site:ClockStart"]));
        return services;
    }

    /// <summary>For a web host: once it has started, gives the memory start-up used and no longer needs back to the system.</summary>
    public static IServiceCollection AddStartupMemoryRelease(this IServiceCollection services) =>
        services.AddHostedService<StartupMemoryRelease>();
}
