using Spcncl.Bench.Harness;

namespace Spcncl.Bench;

/// <summary>
/// Start-up and rendering of the demo site (the foundation issue's budgets): first start on an empty App_Data,
/// start-up with the demo database and resident memory, for the ReadyToRun publish and for the plain build output
/// (compiled just in time, what `dotnet run` starts); then, on the publish, server times of a few pages.
/// </summary>
public static class StartupBenchmark
{
    public static async Task RunAsync(Report report, string published, bool render)
    {
        var artefacts = new[]
        {
            (Label: "published (ReadyToRun)", Dll: SitePublish.Dll(published), Root: published, Budgeted: true),
            (Label: "build output (JIT, as `dotnet run`)", Dll: BenchFolders.BuildOutputDll, Root: BenchFolders.Root, Budgeted: false),
        };
        foreach (var (label, dll, siteRoot, budgeted) in artefacts)
        {
            var data = BenchFolders.NewTemp("startup");
            await using (var first = await SiteProcess.StartAsync(dll, siteRoot, data, serverTiming: false))
            {
                report.Add($"{label}: first start on an empty App_Data (create database, import uSync) to first 200 of /vi/", Stats.Ms(first.TimeToFirstOk.TotalMilliseconds));
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

            report.Add($"{label}: start-up with the demo database to first 200 of /vi/ (median of 7)", Stats.Ms(Stats.Median(starts)), budgeted ? "≤ 2,000 ms" : "–");
            report.Add($"{label}: resident memory 1 s after start (median of 7)", $"{Stats.Median(rss):0} MB", budgeted ? "≤ 200 MB" : "–");

            if (budgeted && render)
            {
                await using var site = await SiteProcess.StartAsync(dll, siteRoot, data, serverTiming: true);
                using var http = new HttpClient();
                var home = await ServerTimingProbe.MeasureAsync(http, site.BaseUrl + "/vi/", 3000);
                var about = await ServerTimingProbe.MeasureAsync(http, site.BaseUrl + "/en/about", 3000);
                var robots = await ServerTimingProbe.MeasureAsync(http, site.BaseUrl + "/robots.txt", 3000);
                var css = await ServerTimingProbe.MeasureAsync(http, site.BaseUrl + "/css/site.css", 3000);
                report.Add("Home page /vi/ rendered from the snapshot: server time (Server-Timing), median / p95", Stats.MedianP95(home.Server), "median ≤ 1 ms");
                report.Add("Text page /en/about: server time, median / p95", Stats.MedianP95(about.Server));
                var newsList = await ServerTimingProbe.MeasureAsync(http, site.BaseUrl + "/vi/tin-tuc", 3000);
                var article = await ServerTimingProbe.MeasureAsync(http, site.BaseUrl + await FirstArticleAsync(http, site.BaseUrl), 3000);
                report.Add("News list /vi/tin-tuc (first page of 36 items, filters, pager): server time, median / p95", Stats.MedianP95(newsList.Server), "median ≤ 2 ms");
                report.Add("News article (Markdown body, related items, JSON-LD): server time, median / p95", Stats.MedianP95(article.Server), "median ≤ 2 ms");
                report.Add("Loopback round trip, median: home page / robots.txt / static site.css", FormattableString.Invariant($"{home.ClientMedian:0.000} / {robots.ClientMedian:0.000} / {css.ClientMedian:0.000} ms"));
                report.Add("Home page round trip ÷ static file round trip, same server, same run", FormattableString.Invariant($"{home.ClientMedian / css.ClientMedian:0.00}×"));
                report.Add("Resident memory after those 18,000 requests", $"{site.ResidentBytes() / 1024.0 / 1024.0:0} MB");
            }

            BenchFolders.TryDelete(data);
        }
    }

    /// <summary>The address of the newest English article, as the news list links it.</summary>
    private static async Task<string> FirstArticleAsync(HttpClient http, string baseUrl)
    {
        var list = await http.GetStringAsync(baseUrl + "/en/news?category=news");
        return System.Text.RegularExpressions.Regex.Match(list, "href=\"(/en/news/[a-z0-9-]+)\"").Groups[1].Value is { Length: > 0 } path
            ? path
            : throw new InvalidOperationException("The English news list links no article.");
    }
}
