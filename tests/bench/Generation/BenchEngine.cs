using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Spcncl.Content;
using Spcncl.Content.DocumentTypes;
using Spcncl.Content.Notifications;
using Spcncl.Hosting;
using Spcncl.Localization;
using Spcncl.Media;
using Spcncl.Persistence;
using Spcncl.Published;
using Spcncl.Registry;
using Spcncl.Search;
using Spcncl.Sync;

namespace Spcncl.Bench.Generation;

/// <summary>How the engine reacts to what is written through it.</summary>
public enum EngineMode
{
    /// <summary>As the site: every commit updates the snapshot, the registry and the search index, which is built at start-up.</summary>
    Site,

    /// <summary>
    /// Writes land in the database only: nothing listens to changes (each batch of a bulk load would otherwise reload
    /// the whole snapshot and rebuild the index), and the index is not built at start-up. Whatever starts on the data
    /// folder next loads everything once, as the site does.
    /// </summary>
    BulkLoad,
}

/// <summary>
/// The engine without the web host (as tests/unit's TestEngine): the real services of src/Extensions on a SQLite data
/// folder, initialised from the repository's uSync folder exactly as the site starts.
/// </summary>
public sealed class BenchEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private BenchEngine(ServiceProvider services) => _services = services;

    public PublishedSnapshot Snapshot => Get<PublishedSnapshotService>().Current;

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Builds the services and initialises the site (migrate, import the uSync seed if new, load the caches).</summary>
    public static async Task<BenchEngine> StartAsync(string root, string dataFolder, EngineMode mode)
    {
        var configuration = Configuration(root, dataFolder);
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSitePaths(configuration, root)
            .AddCultures(configuration)
            .AddPersistence()
            .AddContent()
            .AddPublished()
            .AddMedia(configuration)
            .AddRegistry(configuration)
            .AddSearch()
            .AddSync();
        if (mode == EngineMode.BulkLoad)
        {
            services.RemoveAll<INotificationHandler<ContentChangedNotification>>();
            services.RemoveAll<ISiteLoadedHandler>();
        }

        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var engine = new BenchEngine(provider);
        await provider.GetRequiredService<SiteInitializer>().InitializeAsync();
        return engine;
    }

    /// <summary>The document types of the repository's uSync folder, read and checked as start-up reads them (no database).</summary>
    public static DocumentTypeSet ReadDocumentTypes(string root)
    {
        using var services = new ServiceCollection().AddCultures(Configuration(root, root)).BuildServiceProvider();
        return USyncFolder.Read(Path.Combine(root, "uSync"), services.GetRequiredService<SiteCultures>()).DocumentTypes;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }

    /// <summary>The repository's settings, on SQLite in <paramref name="dataFolder"/>.</summary>
    private static IConfiguration Configuration(string root, string dataFolder) =>
        new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(root, "appsettings.json"))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Site:DataPath"] = dataFolder, ["Site:Database:Provider"] = "Sqlite" })
            .Build();
}
