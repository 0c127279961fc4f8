using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Spcncl.Content.Notifications;
using Spcncl.Localization;
using Spcncl.Persistence;
using Spcncl.Sync;

namespace Spcncl.Hosting;

/// <summary>
/// Start-up, in order: read and check the uSync folder (a bad file stops here, before the database is touched),
/// apply migrations, import what is new, then load the dictionary and the published snapshot into memory.
/// </summary>
public sealed class SiteInitializer(
    SitePaths paths,
    SiteCultures cultures,
    SiteDbContextFactory dbFactory,
    USyncImporter importer,
    IEnumerable<ISiteLoader> loaders,
    IEnumerable<ISiteLoadedHandler> loadedHandlers,
    ContentChangeDispatcher dispatcher,
    TimeProvider clock,
    ILogger<SiteInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var phases = new List<string>();
        void Phase(string name) => phases.Add($"{name} {watch.ElapsedMilliseconds}");

        var folder = USyncFolder.Read(paths.USync, cultures);
        Phase("read uSync");
        await dbFactory.MigrateAsync(ct);
        Phase("migrate");

        // Instructions written before this point are already in what we are about to load.
        await using (var db = dbFactory.CreateDbContext())
        {
            await dispatcher.MarkLoadedAsync(db, clock, ct);
        }

        await importer.ImportAsync(folder, USyncImportMode.Startup, ct);
        Phase("import");
        await Task.WhenAll(loaders.Select(loader => loader.LoadAsync(ct)));
        Phase("load");
        foreach (var handler in loadedHandlers)
        {
            await handler.OnSiteLoadedAsync(ct);
        }

        Phase("after load");
        logger.LogInformation("Site ready in {Elapsed} ms ({Provider}: {Database}; ms at end of each phase: {Phases})", watch.ElapsedMilliseconds, dbFactory.Provider, dbFactory.ConnectionDescription, string.Join(", ", phases));
    }
}
