using Microsoft.EntityFrameworkCore;
using Spcncl.Persistence;
using Spcncl.Sync;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.Sync;

/// <summary>uSync: the folder of schema and content as files, imported at first boot and exported back.</summary>
public sealed class USyncRoundTripTests
{
    [Fact]
    public async Task ExportImportExport_GivesByteIdenticalFiles()
    {
        var first = RepositoryPaths.NewTempFolder("export-a");
        var second = RepositoryPaths.NewTempFolder("export-b");
        int documents;
        await using (var original = await TestEngine.StartAsync())
        {
            documents = original.Snapshot.Count;
            await original.Get<USyncExporter>().ExportAsync(first);
        }

        await using (var copy = await TestEngine.StartAsync(first))
        {
            Assert.Equal(documents, copy.Snapshot.Count);
            await copy.Get<USyncExporter>().ExportAsync(second);
        }

        var firstFiles = Directory.EnumerateFiles(first, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(first, f)).Order().ToList();
        var secondFiles = Directory.EnumerateFiles(second, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(second, f)).Order().ToList();
        Assert.Equal(firstFiles, secondFiles);
        Assert.True(firstFiles.Count >= documents, $"only {firstFiles.Count} files exported for {documents} documents");
        foreach (var file in firstFiles)
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second, file))), $"{file} differs");
        }
    }

    [Fact]
    public async Task RoundTrip_KeepsWhatIsLive_AndEveryPageAtItsOwnUrl()
    {
        var exported = RepositoryPaths.NewTempFolder("export-live");
        Dictionary<string, string> routesBefore;
        string liveBody;
        await using (var original = await TestEngine.StartAsync())
        {
            var home = original.IdOf("home");
            var editor = "editor";
            async Task<Spcncl.Content.Documents.Document> Page(string name, bool publish)
            {
                var page = ContentValues.Ok(await original.Content.CreateAsync(new(
                    "textPage", home, ContentValues.Cultures(("vi", new(name, Values: ContentValues.Values(("body", $"Nội dung {name}."))))))
                    , editor));
                return publish ? ContentValues.Ok(await original.Content.PublishAsync(page.Id, ["vi"], editor)) : page;
            }

            await Page("Tin", publish: true);
            await Page("Tin!", publish: true);
            await Page("Nháp", publish: false);
            var edited = await Page("Đã sửa", publish: true);
            ContentValues.Ok(await original.Content.SaveAsync(new(edited.Id, edited.Revision, ContentValues.Cultures(("vi", new("Đã sửa", Values: ContentValues.Values(("body", "Bản nháp chưa đăng."))))), null), editor));

            routesBefore = RoutesOf(original);
            liveBody = original.Snapshot.Get(edited.Id)!.Value("body", "vi")!.Value.GetString()!;
            var report = await original.Get<USyncExporter>().ExportAsync(exported);
            Assert.Single(report.UnpublishedEdits);
        }

        await using var copy = await TestEngine.StartAsync(exported);

        Assert.Equal(routesBefore, RoutesOf(copy));
        var copied = copy.Snapshot.Match("/vi/da-sua")!;
        Assert.Equal(liveBody, copy.Snapshot.Get(copied.DocumentId)!.Value("body", "vi")!.Value.GetString());
        Assert.Null(copy.Snapshot.Match("/vi/nhap"));
    }

    private static Dictionary<string, string> RoutesOf(TestEngine engine) =>
        engine.Snapshot.Documents
            .SelectMany(d => engine.Snapshot.CulturesOf(d).Where(p => p.Url is not null).Select(p => (p.Url!, d.Key.ToString())))
            .ToDictionary(p => p.Item1, p => p.Item2);

    [Fact]
    public async Task TheRepositoryFolder_IsInCanonicalForm()
    {
        // What `usync export` would write is exactly what is committed, so exports never produce noise diffs.
        var exported = RepositoryPaths.NewTempFolder("export-repo");
        await using (var engine = await TestEngine.StartAsync())
        {
            await engine.Get<USyncExporter>().ExportAsync(exported);
        }

        foreach (var folder in new[] { "DocumentTypes", "Dictionary", "Content" })
        {
            var expected = Directory.EnumerateFiles(Path.Combine(RepositoryPaths.USync, folder), "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(RepositoryPaths.USync, f)).Order().ToList();
            var actual = Directory.EnumerateFiles(Path.Combine(exported, folder), "*.json", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(exported, f)).Order().ToList();
            Assert.Equal(expected, actual);
            foreach (var file in expected)
            {
                Assert.True(File.ReadAllText(Path.Combine(RepositoryPaths.USync, file)) == File.ReadAllText(Path.Combine(exported, file)), $"uSync/{file} is not in canonical form: run `dotnet run --project src/Site -- usync export`");
            }
        }
    }

    [Fact]
    public async Task ImportTwice_ChangesNothing()
    {
        await using var engine = await TestEngine.StartAsync();
        var folder = USyncFolder.Read(engine.USyncFolderPath, engine.Cultures);

        var startup = await engine.Get<USyncImporter>().ImportAsync(folder, USyncImportMode.Startup);
        var full = await engine.Get<USyncImporter>().ImportAsync(folder, USyncImportMode.Full);

        Assert.False(startup.ChangedAnything, startup.ToString());
        Assert.False(full.ChangedAnything, full.ToString());
        Assert.Equal(folder.Content.Count, full.ContentUnchanged);
    }

    [Fact]
    public async Task FullImport_PutsBackEditedContent()
    {
        await using var engine = await TestEngine.StartAsync();
        var about = engine.Snapshot.OfType("textPage").First();
        var draft = (await engine.Content.GetAsync(about.Id))!;
        ContentValues.Ok(await engine.Content.SaveAsync(new(about.Id, draft.Revision, ContentValues.Cultures(("en", new(draft.Variant("en")!.Name, Values: ContentValues.Values(("summary", "Edited by hand."))))), null), "editor"));

        var report = await engine.Get<USyncImporter>().ImportAsync(USyncFolder.Read(engine.USyncFolderPath, engine.Cultures), USyncImportMode.Full);

        Assert.Equal(1, report.ContentUpdated);
        var restored = (await engine.Content.GetAsync(about.Id))!;
        Assert.NotEqual("Edited by hand.", restored.Value("summary", "en")!.Value.GetString());
        Assert.False(restored.Variant("en")!.Edited);
    }

    [Fact]
    public async Task MalformedContentFile_StopsBeforeTheDatabaseIsTouched()
    {
        var folder = RepositoryPaths.NewTempFolder("usync-bad");
        RepositoryPaths.CopyFolder(RepositoryPaths.USync, folder);
        var file = Path.Combine(folder, "Content", "trang-chu", "lien-he.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"organisation\"", "\"organization\"", StringComparison.Ordinal));
        await using var engine = await TestEngine.StartAsync(folder, initialise: false);

        var ex = await Assert.ThrowsAsync<SyncFileException>(() => engine.Get<Spcncl.Hosting.SiteInitializer>().InitializeAsync());

        Assert.Contains("Content/trang-chu/lien-he.json $.cultures.en.values.organization: a contactPage has no property 'organization'", ex.Message, StringComparison.Ordinal);
        await using var db = engine.Get<SiteDbContextFactory>().CreateDbContext();
        Assert.Empty(await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task InvalidValueHalfwayThroughTheContent_ImportsNothing()
    {
        var folder = RepositoryPaths.NewTempFolder("usync-invalid");
        RepositoryPaths.CopyFolder(RepositoryPaths.USync, folder);
        var file = Path.Combine(folder, "Content", "trang-chu", "nganh-hang", "thu-cong-my-nghe.json");
        File.WriteAllText(file, File.ReadAllText(file).Replace("\"code\": \"handicrafts\"", "\"code\": \"Thủ công!\"", StringComparison.Ordinal));
        await using var engine = await TestEngine.StartAsync(folder, initialise: false);

        var ex = await Assert.ThrowsAsync<SyncFileException>(() => engine.Get<Spcncl.Hosting.SiteInitializer>().InitializeAsync());

        Assert.Contains("Content/trang-chu/nganh-hang/thu-cong-my-nghe.json $.shared.code", ex.Message, StringComparison.Ordinal);
        await using var db = engine.Get<SiteDbContextFactory>().CreateDbContext();
        Assert.Equal(0, await db.Documents.CountAsync());
        Assert.Equal(0, await db.DocumentTypes.CountAsync());
        Assert.Equal(0, await db.DictionaryEntries.CountAsync());
    }

    [Fact]
    public async Task DictionaryWithAMissingTranslation_IsRefused()
    {
        var folder = RepositoryPaths.NewTempFolder("usync-dict");
        RepositoryPaths.CopyFolder(RepositoryPaths.USync, folder);
        File.WriteAllText(Path.Combine(folder, "Dictionary", "Nav.json"), "{ \"Nav.Home\": { \"vi\": \"Trang chủ\" } }");
        await using var engine = await TestEngine.StartAsync(folder, initialise: false);

        var ex = Assert.Throws<SyncFileException>(() => USyncFolder.Read(folder, engine.Cultures));

        Assert.Equal(new SyncFileError("Dictionary/Nav.json", "$['Nav.Home'].en", "is missing"), Assert.Single(ex.Errors));
    }
}
