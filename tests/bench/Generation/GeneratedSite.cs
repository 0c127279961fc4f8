using Spcncl.Bench.Harness;

namespace Spcncl.Bench.Generation;

/// <summary>
/// A data folder holding the demo seed plus a generated programme, ready for the site or an engine to start on.
/// With <c>--data DIR</c> the folder (one per size, under DIR) is kept, and reused by a later run asking for the same sizes (generation is
/// reproducible, so the reused folder holds exactly what a new one would).
/// </summary>
public sealed class GeneratedSite : IDisposable
{
    private const string MarkerFile = "bench-generation.txt";
    private readonly bool _keep;

    private GeneratedSite(string folder, ProgrammeGenerator generator, bool keep)
    {
        Folder = folder;
        Generator = generator;
        _keep = keep;
    }

    public string Folder { get; }

    public ProgrammeGenerator Generator { get; }

    public static async Task<GeneratedSite> PrepareAsync(int products, int enterprises, string? keepIn, TextWriter log)
    {
        var generator = new ProgrammeGenerator(products, enterprises, BenchEngine.ReadDocumentTypes(BenchFolders.Root)["enterprise"]);
        var signature = $"products={products} enterprises={enterprises} seed={ProgrammeGenerator.DefaultSeed}";
        var folder = keepIn is null ? BenchFolders.NewTemp("data") : Path.Combine(Path.GetFullPath(keepIn), $"programme-{products}-{enterprises}");
        var marker = Path.Combine(folder, MarkerFile);
        if (File.Exists(marker) && await File.ReadAllTextAsync(marker) == signature)
        {
            log.WriteLine($"Reusing the generated data in {folder} ({signature}).");
            return new GeneratedSite(folder, generator, keep: true);
        }

        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
        {
            throw new InvalidOperationException($"{folder} is not empty and holds no generation of {signature}: give an empty or new folder.");
        }

        Directory.CreateDirectory(folder);
        log.WriteLine($"Generating {products:N0} products of {enterprises:N0} enterprises with their awards into {folder} …");
        await using (var engine = await BenchEngine.StartAsync(BenchFolders.Root, folder, EngineMode.BulkLoad))
        {
            await new ProgrammeLoader(engine, log).LoadAsync(generator, BenchFolders.USync);
        }

        await File.WriteAllTextAsync(marker, signature);
        return new GeneratedSite(folder, generator, keep: keepIn is not null);
    }

    public void Dispose()
    {
        if (!_keep)
        {
            BenchFolders.TryDelete(Folder);
        }
    }
}
