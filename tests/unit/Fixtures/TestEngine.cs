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
using Spcncl.Registry;
using Spcncl.Publicity;
using Spcncl.Search;
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
    /// <param name="settings">Configuration over appsettings.json (<c>Site:Smtp:Port</c>, <c>Site:Registry:ValidityYears</c>, …).</param>
    /// <param name="clock">The engine's time (a <see cref="FixedClock"/>); the system clock by default.</param>
    public static async Task<TestEngine> StartAsync(
        string? usyncFolder = null,
        DatabaseProvider provider = DatabaseProvider.Sqlite,
        bool initialise = true,
        TestDatabase? sharedDatabase = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        TimeProvider? clock = null)
    {
        // The repository's own seed is imported once per provider and copied for each engine; other folders are imported.
        var seeded = usyncFolder is null && initialise && sharedDatabase is null ? await SeededTemplates.GetAsync(provider) : null;
        var database = sharedDatabase ?? await TestDatabase.CreateAsync(provider, seeded);
        var usync = usyncFolder ?? RepositoryPaths.USync;
        var values = database.Settings();
        values["Site:USyncPath"] = usync;
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(RepositoryPaths.Root, "appsettings.json"))
            .AddInMemoryCollection(values)
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
            .AddRegistry(configuration)
            .AddSearch()
            .AddPublicity()
            .AddSync();
        if (clock is not null)
        {
            services.AddSingleton(clock);
        }

        var provider2 = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        var engine = new TestEngine(provider2, database, sharedDatabase is null, usync);
        if (initialise)
        {
            try
            {
                await provider2.GetRequiredService<SiteInitializer>().InitializeAsync();
            }
            catch
            {
                // A start-up that fails (a test of a bad setting) leaves nothing behind.
                await engine.DisposeAsync();
                throw;
            }
        }

        return engine;
    }

    /// <summary>
    /// A database per provider that holds the repository's uSync seed, made once per test run (the first engine pays for
    /// the import; the others copy it: a SQLite file and media folder, or a PostgreSQL template database).
    /// </summary>
    public static class SeededTemplates
    {
        private static readonly SemaphoreSlim Gate = new(1, 1);
        private static readonly Dictionary<DatabaseProvider, TestDatabase> Templates = [];

        public static async Task<TestDatabase> GetAsync(DatabaseProvider provider)
        {
            await Gate.WaitAsync();
            try
            {
                if (!Templates.TryGetValue(provider, out var template))
                {
                    await using var engine = await StartAsync(usyncFolder: RepositoryPaths.USync, provider: provider);
                    await engine.Get<SearchIndex>().WhenRebuilt; // copies then open the built index instead of rebuilding it
                    template = engine.Database;
                    engine.KeepDatabase();
                    Templates[provider] = template;
                }

                return template;
            }
            finally
            {
                Gate.Release();
            }
        }
    }

    private bool _keepDatabase;

    private void KeepDatabase() => _keepDatabase = true;

    /// <summary>The id of the first published document of a type (the home page, the sector list, …).</summary>
    public int IdOf(string documentType) => Snapshot.OfType(documentType).First().Id;

    /// <summary>The document published at <paramref name="url"/> (in any culture).</summary>
    public int IdAt(string url) => Snapshot.Match(url)?.DocumentId ?? throw new InvalidOperationException($"No page is published at {url}");

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Npgsql.NpgsqlConnection.ClearAllPools();
        if (_ownsDatabase && !_keepDatabase)
        {
            await _database.DisposeAsync();
        }
    }
}
