using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Spcncl.Bench;

// Benchmarks for the performance budgets in the issues; prints a Markdown table for README.
//   dotnet run -c Release --project tests/bench -- [all|startup|render]
// The deployable artefact (dotnet publish, ReadyToRun) is what the budgets are checked against; the plain build
// output (what `dotnet run` starts, compiled just in time) is measured beside it for reference.
var mode = args.FirstOrDefault() ?? "all";
var root = FindRoot();
var buildDll = Path.Combine(root, "src", "Site", "bin", "Release", "net10.0", "SPCNCL.Site.dll");
if (!File.Exists(buildDll))
{
    Console.Error.WriteLine($"Build the site in Release first: dotnet build -c Release SPCNCL.Site.sln ({buildDll} is missing)");
    return 1;
}

if (mode == "media") return await MediaBench.RunAsync(root, buildDll, args);

var published = Path.Combine(Path.GetTempPath(), $"spcncl-bench-publish-{Guid.NewGuid():N}");
Console.WriteLine($"Publishing the site (ReadyToRun) to {published} …");
var publish = Process.Start(new ProcessStartInfo("dotnet", ["publish", Path.Combine(root, "src", "Site"), "-c", "Release", "-r", "linux-x64", "--self-contained", "false", "-o", published, "-nologo", "-v", "quiet"]))!;
await publish.WaitForExitAsync();
if (publish.ExitCode != 0)
{
    Console.Error.WriteLine("dotnet publish failed.");
    return 1;
}

var publishedDll = Path.Combine(published, "SPCNCL.Site.dll");
var cpu = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "unknown CPU";
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores ({cpu}), {RuntimeInformation.OSDescription}, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd}");
var results = new List<(string Measure, string Result, string Budget)>();

foreach (var (label, dll, siteRoot, budgeted) in new[] { ("published (ReadyToRun)", publishedDll, published, true), ("build output (JIT, as `dotnet run`)", buildDll, root, false) })
{
    if (mode is not ("all" or "startup" or "render"))
    {
        break;
    }

    var data = Path.Combine(Path.GetTempPath(), $"spcncl-bench-{Guid.NewGuid():N}");
    await using (var first = await SiteProcess.StartAsync(dll, siteRoot, data, serverTiming: false))
    {
        results.Add(($"{label}: first start on an empty App_Data (create database, import uSync) to first 200 of /vi/", Ms(first.TimeToFirstOk.TotalMilliseconds), "–"));
    }

    var starts = new List<double>();
    var rss = new List<double>();
    for (var i = 0; i < 7; i++)
    {
        await using var site = await SiteProcess.StartAsync(dll, siteRoot, data, serverTiming: false);
        starts.Add(site.TimeToFirstOk.TotalMilliseconds);
        await Task.Delay(1000);
        rss.Add(site.ResidentBytes() / 1024.0 / 1024.0);
    }

    results.Add(($"{label}: start-up with the demo database to first 200 of /vi/ (median of 7)", Ms(Median(starts)), budgeted ? "≤ 2,000 ms" : "–"));
    results.Add(($"{label}: resident memory 1 s after start (median of 7)", $"{Median(rss):0} MB", budgeted ? "≤ 200 MB" : "–"));

    if (budgeted && mode is "all" or "render")
    {
        await using var site = await SiteProcess.StartAsync(dll, siteRoot, data, serverTiming: true);
        using var http = new HttpClient();
        var home = await Measure(http, site.BaseUrl + "/vi/", 3000);
        var about = await Measure(http, site.BaseUrl + "/en/about", 3000);
        var robots = await Measure(http, site.BaseUrl + "/robots.txt", 3000);
        var css = await Measure(http, site.BaseUrl + "/css/site.css", 3000);
        results.Add(("Home page /vi/ rendered from the snapshot: server time (Server-Timing), median / p95", $"{home.ServerMedian:0.000} / {home.ServerP95:0.000} ms", "median ≤ 1 ms"));
        results.Add(("Text page /en/about: server time, median / p95", $"{about.ServerMedian:0.000} / {about.ServerP95:0.000} ms", "–"));
        results.Add(("Loopback round trip, median: home page / robots.txt / static site.css", $"{home.ClientMedian:0.000} / {robots.ClientMedian:0.000} / {css.ClientMedian:0.000} ms", "–"));
        results.Add(("Home page round trip ÷ static file round trip, same server, same run", $"{home.ClientMedian / css.ClientMedian:0.00}×", "–"));
        results.Add(("Resident memory after those 12,000 requests", $"{site.ResidentBytes() / 1024.0 / 1024.0:0} MB", "–"));
    }

    TryDelete(data);
}

TryDelete(published);
Console.WriteLine();
Console.WriteLine("| Measure | Result | Budget |");
Console.WriteLine("|---|---|---|");
foreach (var (measure, result, budget) in results)
{
    Console.WriteLine($"| {measure} | {result} | {budget} |");
}

return 0;

static async Task<(double ServerMedian, double ServerP95, double ClientMedian)> Measure(HttpClient http, string url, int count)
{
    for (var i = 0; i < 300; i++)
    {
        (await http.GetAsync(url)).Dispose();
    }

    var server = new List<double>(count);
    var client = new List<double>(count);
    for (var i = 0; i < count; i++)
    {
        var watch = Stopwatch.StartNew();
        using var response = await http.GetAsync(url);
        _ = await response.Content.ReadAsByteArrayAsync();
        client.Add(watch.Elapsed.TotalMilliseconds);
        if (response.Headers.TryGetValues("Server-Timing", out var timing))
        {
            server.Add(double.Parse(timing.First().Split("dur=")[1], CultureInfo.InvariantCulture));
        }
    }

    server.Sort();
    return (Median(server), server.Count == 0 ? 0 : server[(int)(server.Count * 0.95)], Median(client));
}

static double Median(List<double> values) => values.Count == 0 ? 0 : values.Order().ElementAt(values.Count / 2);

static string Ms(double value) => $"{value.ToString("#,##0", CultureInfo.InvariantCulture)} ms";

static void TryDelete(string folder)
{
    try
    {
        Directory.Delete(folder, true);
    }
    catch (IOException)
    {
    }
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "SPCNCL.Site.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the repository.");
}
