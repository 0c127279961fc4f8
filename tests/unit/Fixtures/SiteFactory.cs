using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spcncl.Persistence;

namespace Spcncl.Tests.Fixtures;

/// <summary>
/// The whole site in memory (WebApplicationFactory) over a throwaway database of one provider. Each test class
/// gets its own site and database; the same test classes run once per provider.
/// </summary>
public abstract class SiteFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? _database;

    public abstract DatabaseProvider Provider { get; }

    /// <summary>The site's clock: real time unless a test sets it (reset it when done; tests of a class share the site).</summary>
    public ManualClock Clock { get; } = new();

    /// <summary>What the site logged at warning level and above.</summary>
    public LogRecorder Logs { get; } = new();

    /// <summary>How many public form posts one address may make in the window.</summary>
    protected virtual int PublicFormsLimit => 10_000;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(Provider, await TestEngine.SeededTemplates.GetAsync(Provider));

        // Touching Server builds and starts the host, which runs the site's start-up (migrate, import, snapshot).
        _ = Server;
    }

    public HttpClient Browser(string? acceptLanguage = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseContentRoot(RepositoryPaths.Root);
        foreach (var (key, value) in _database!.Settings())
        {
            builder.UseSetting(key, value);
        }

        // Tests post many forms from one address; the limit itself is tested with a site of its own.
        builder.UseSetting("Site:PublicForms:PermitLimit", PublicFormsLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Site:SignInPermitLimit", "10000");
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

public sealed class SqliteSiteFactory : SiteFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlSiteFactory : SiteFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}
