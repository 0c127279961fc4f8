using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Spcncl.Content.Notifications;
using Spcncl.Localization;
using Spcncl.Persistence;
using Spcncl.Published;
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
    DictionaryService dictionary,
    PublishedSnapshotService snapshot,
    ContentChangeDispatcher dispatcher,
    ILogger<SiteInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var folder = USyncFolder.Read(paths.USync, cultures);
        await dbFactory.MigrateAsync(ct);

        // Instructions written before this point are already in what we are about to load.
        await using (var db = dbFactory.CreateDbContext())
        {
            dispatcher.LastAppliedId = await db.ContentChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        }

        await importer.ImportAsync(folder, USyncImportMode.Startup, ct);
        await dictionary.LoadAsync(ct);
        await snapshot.LoadAsync(ct);
        logger.LogInformation("Site ready in {Elapsed} ms ({Provider}: {Database})", watch.ElapsedMilliseconds, dbFactory.Provider, dbFactory.ConnectionDescription);
    }
}
