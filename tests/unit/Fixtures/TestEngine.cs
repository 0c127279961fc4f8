using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spcncl.Content;
using Spcncl.Content.Documents;
using Spcncl.Hosting;
using Spcncl.Localization;
using Spcncl.Media;
using Spcncl.Persistence;
using Spcncl.Published;
using Spcncl.Sync;

namespace Spcncl.Tests.Fixtures;

/// <summary>
/// The engine without the web host: the real services of src/Extensions over a throwaway database, initialised from
/// a uSync folder (the repository's own by default) exactly as the site does at start-up.
/// </summary>
public sealed class TestEngine : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly TestDatabase _database;
    private readonly bool _ownsDatabase;

    private TestEngine(ServiceProvider services, TestDatabase database, bool ownsDatabase, string usync)
    {
        _services = services;
        _database = database;
        _ownsDatabase = ownsDatabase;
        USyncFolderPath = usync;
    }

    public TestDatabase Database => _database;

    public IServiceProvider Services => _services;

    public string USyncFolderPath { get; }

    public IContentService Content => _services.GetRequiredService<IContentService>();

    public PublishedSnapshot Snapshot => _services.GetRequiredService<PublishedSnapshotService>().Current;

    public SiteCultures Cultures => _services.GetRequiredService<SiteCultures>();

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    /// <param name="sharedDatabase">Another engine's database: two engines on one database behave as two instances of the site.</param>
    public static async Task<TestEngine> StartAsync(string? usyncFolder = null, DatabaseProvider provider = DatabaseProvider.Sqlite, bool initialise = true, TestDatabase? sharedDatabase = null)
    {
        var database = sharedDatabase ?? await TestDatabase.CreateAsync(provider);
        var usync = usyncFolder ?? RepositoryPaths.USync;
        var settings = database.Settings();
        settings["Site:USyncPath"] = usync;
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryPaths.Root, "appsettings.json"))
            .AddInMemoryCollection(settings)
            .Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSitePaths(configuration, RepositoryPaths.Root)
            .AddCultures(configuration)
            .AddPersistence()
            .AddContent()
            .AddPublished()
            .AddMedia(configuration)
            .AddSync();
        var provider2 = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var engine = new TestEngine(provider2, database, sharedDatabase is null, usync);
        if (initialise)
        {
            await provider2.GetRequiredService<SiteInitializer>().InitializeAsync();
        }

        return engine;
    }

    /// <summary>The id of the first published document of a type (the home page, the sector list, …).</summary>
    public int IdOf(string documentType) => Snapshot.OfType(documentType).First().Id;

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        if (_ownsDatabase)
        {
            SqliteConnection.ClearAllPools();
            await _database.DisposeAsync();
        }
    }
}
