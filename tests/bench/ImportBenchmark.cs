using System.Diagnostics;
using Spcncl.Bench.Generation;
using Spcncl.Bench.Harness;
using Spcncl.Registry.Import;
using Spcncl.Search;

namespace Spcncl.Bench;

/// <summary>
/// The yearly decision-list import at stress size (issue 3): a generated 5,000-row CSV whose enterprises and products
/// are all new, imported by the real <see cref="RegistryImporter"/> into fresh copies of the demo database, with the
/// caches updated as after any import; the dry run and a second import of the same file beside it; and the CLI
/// command an operator runs, start-up included.
/// </summary>
public static class ImportBenchmark
{
    public const int DefaultRows = 5_000;
    public const int Runs = 5;

    public static async Task RunAsync(Report report, BenchOptions options)
    {
        var rows = options.Size ?? DefaultRows;
        var work = BenchFolders.NewTemp("import");
        try
        {
            // About 1.4 awards a product: as many products as rows is enough, and the file takes the first `rows` awards.
            var generator = new ProgrammeGenerator(rows, CatalogueBenchmark.EnterprisesFor(rows), BenchEngine.ReadDocumentTypes(BenchFolders.Root)["enterprise"]);
            var awards = generator.Awards(rows);
            if (awards.Count < rows)
            {
                throw new InvalidOperationException($"The generator gave {awards.Count} awards; {rows} were asked for.");
            }

            var file = Path.Combine(work, "decision-list.csv");
            await using (var stream = File.Create(file))
            {
                DecisionListCsv.Write(stream, awards, DecisionListCsv.SeedDecisions(BenchFolders.USync));
            }

            var seeded = Path.Combine(work, "seeded");
            Console.WriteLine($"Seeding a demo database in {seeded} …");
            await using (var engine = await BenchEngine.StartAsync(BenchFolders.Root, seeded, EngineMode.Site))
            {
                await engine.Get<SearchIndex>().WhenRebuilt;
            }

            var imports = new List<double>();
            var dryRuns = new List<double>();
            var again = new List<double>();
            RegistryImportReport? first = null;
            for (var run = 0; run < Runs; run++)
            {
                // Each import and dry run is the first of a freshly started engine on a fresh copy, as an operator's would be.
                await OnFreshCopyAsync(seeded, Path.Combine(work, $"run-{run}"), async importer =>
                {
                    imports.Add(await TimeAsync(importer, file, dryRun: false, rows, r => first ??= r));
                    again.Add(await TimeAsync(importer, file, dryRun: false, rows));
                });
                await OnFreshCopyAsync(seeded, Path.Combine(work, $"dry-{run}"), async importer => dryRuns.Add(await TimeAsync(importer, file, dryRun: true, rows)));
                Console.WriteLine($"  run {run + 1}: import {Stats.Ms(imports[^1])}, again {Stats.Ms(again[^1])}, dry run {Stats.Ms(dryRuns[^1])}");
            }

            var created = $"{first!.Enterprises.Created:N0} enterprises and {first.Products.Created:N0} products created as drafts, {first.Awards.Created:N0} awards";
            report.Add($"Import of a {rows:N0}-row decision list (CSV) into the demo database with `RegistryImporter`: {created}; one transaction, caches updated (median of {Runs})", Stats.Ms(Stats.Median(imports)), "≤ 10,000 ms");
            report.Add($"Dry run of the same file on a fresh copy (everything checked and written, then rolled back; median of {Runs})", Stats.Ms(Stats.Median(dryRuns)));
            report.Add($"The same file imported again: every row unchanged (median of {Runs})", Stats.Ms(Stats.Median(again)));

            var cli = Path.Combine(work, "cli");
            BenchFolders.Copy(seeded, cli);
            var (exitCode, output, elapsed) = await SiteProcess.RunCommandAsync(BenchFolders.BuildOutputDll, BenchFolders.Root, cli, ["registry", "import", file]);
            if (exitCode != 0)
            {
                throw new InvalidOperationException($"`registry import` failed ({exitCode}):{Environment.NewLine}{output}");
            }

            report.Add("The same import through the CLI, `registry import FILE` (build output, compiled just in time): wall clock including host start-up", Stats.Ms(elapsed.TotalMilliseconds));
        }
        finally
        {
            BenchFolders.TryDelete(work);
        }
    }

    private static async Task OnFreshCopyAsync(string seeded, string data, Func<RegistryImporter, Task> use)
    {
        BenchFolders.Copy(seeded, data);
        await using (var engine = await BenchEngine.StartAsync(BenchFolders.Root, data, EngineMode.Site))
        {
            await engine.Get<SearchIndex>().WhenRebuilt;
            await use(engine.Get<RegistryImporter>());
        }

        BenchFolders.TryDelete(data);
    }

    private static async Task<double> TimeAsync(RegistryImporter importer, string file, bool dryRun, int rows, Action<RegistryImportReport>? inspect = null)
    {
        await using var stream = File.OpenRead(file);
        var watch = Stopwatch.StartNew();
        var result = await importer.ImportAsync(stream, file, dryRun, "bench");
        var elapsed = watch.Elapsed.TotalMilliseconds;
        if (!result.Succeeded || result.Rows != rows)
        {
            throw new InvalidOperationException($"The import was refused: {result.FileError ?? string.Join("; ", result.Errors.Take(5))}");
        }

        inspect?.Invoke(result);
        return elapsed;
    }
}
