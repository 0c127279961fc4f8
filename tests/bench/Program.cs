using Spcncl.Bench;
using Spcncl.Bench.Harness;

// Benchmarks for the performance budgets in the issues; prints a Markdown table for README. One file per benchmark:
//   dotnet run -c Release --project tests/bench -- [all|startup|render|catalogue|import|search|backoffice|media] [--size N] [--data DIR]
// The deployable artefact (dotnet publish, ReadyToRun) is what the budgets of pages are checked against; the plain
// build output (what `dotnet run` starts, compiled just in time) is measured beside it for start-up.
if (args is ["media", "peak", ..])
{
    // MediaBenchmark's child process for the peak-memory measurement.
    return await MediaBenchmark.PeakChildAsync(args);
}

if (BenchOptions.Parse(args) is not { } options)
{
    Console.Error.WriteLine($"Usage: [{string.Join('|', BenchOptions.Modes)}] [--size N] [--data DIR]");
    return 2;
}

if (!File.Exists(BenchFolders.BuildOutputDll))
{
    Console.Error.WriteLine($"Build the site in Release first: dotnet build -c Release SPCNCL.Site.sln ({BenchFolders.BuildOutputDll} is missing)");
    return 1;
}

Console.WriteLine($"Machine: {Report.Machine}; load average at the start: {Report.Load}");
var report = new Report();
var published = options.Runs("all", "startup", "render", "catalogue", "backoffice") ? await SitePublish.PublishAsync(Console.Out) : null;
try
{
    if (options.Runs("all", "startup", "render"))
    {
        await StartupBenchmark.RunAsync(report, published!, render: options.Mode != "startup");
    }

    if (options.Runs("all", "backoffice"))
    {
        await BackOfficeBenchmark.RunAsync(report, published!);
    }

    if (options.Runs("all", "catalogue"))
    {
        await CatalogueBenchmark.RunAsync(report, published!, options);
    }

    if (options.Runs("all", "import"))
    {
        await ImportBenchmark.RunAsync(report, options);
    }

    if (options.Runs("all", "media"))
    {
        await MediaBenchmark.RunAsync(report);
    }

    if (options.Runs("all", "search"))
    {
        await SearchBenchmark.RunAsync(report, options);
    }
}
finally
{
    if (published is not null)
    {
        BenchFolders.TryDelete(published);
    }
}

report.Print(Console.Out);
return 0;
