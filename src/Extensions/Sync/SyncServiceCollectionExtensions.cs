using Microsoft.Extensions.DependencyInjection;

namespace Spcncl.Sync;

public static class SyncServiceCollectionExtensions
{
    /// <summary>uSync: the folder of schema and content as files, imported at start-up and exported on demand.</summary>
    public static IServiceCollection AddSync(this IServiceCollection services)
    {
        services.AddSingleton<USyncImporter>();
        services.AddSingleton<USyncExporter>();
        return services;
    }
}
