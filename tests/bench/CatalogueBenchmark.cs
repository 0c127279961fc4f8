using System.Net;
using Spcncl.Bench.Generation;
using Spcncl.Bench.Harness;

namespace Spcncl.Bench;

/// <summary>
/// The buyer's catalogue over a generated programme (issue 3): 10,000 products of 1,500 enterprises with their awards
/// 2018–2025 beside the demo seed, served by the published site; the server time of catalogue pages with three filters
/// (sector, award year, currently certified) in both languages, with text, with market and area, and unfiltered.
/// </summary>
public static class CatalogueBenchmark
{
    public const int DefaultProducts = 10_000;
    /// <summary>Measured requests per page, the pages taking turns.</summary>
    public const int Requests = 2_000;

    public static async Task RunAsync(Report report, string published, BenchOptions options)
    {
        var products = options.Size ?? DefaultProducts;
        using var data = await GeneratedSite.PrepareAsync(products, EnterprisesFor(products), options.DataFolder, Console.Out);
        await using var site = await SiteProcess.StartAsync(SitePublish.Dll(published), published, data.Folder, serverTiming: true);
        report.Add($"Published site: start-up with {products:N0} generated products to first 200 of /vi/", Stats.Ms(site.TimeToFirstOk.TotalMilliseconds));
        await site.WaitForSearchIndexAsync(TimeSpan.FromMinutes(10));

        using var http = new HttpClient();
        var pages = new (string Label, string Path, string Budget)[]
        {
            ("three filters: sector, year, currently certified", "/en/products?sector=electrical&year=2024&valid=true", "median ≤ 5 ms"),
            ("three filters, Vietnamese", "/vi/san-pham?sector=textile&year=2023&valid=true", "median ≤ 5 ms"),
            ("three filters and text (q, through the search index)", "/en/products?sector=electrical&year=2024&valid=true&q=den+led", "–"),
            ("market, area and sector", "/en/products?market=eu&area=dong-anh&sector=food", "–"),
            ("no filter, first page", "/en/products", "–"),
        };
        foreach (var (_, path, _) in pages)
        {
            using var check = await http.GetAsync(site.BaseUrl + path);
            if (check.StatusCode != HttpStatusCode.OK)
            {
                throw new InvalidOperationException($"{path} answered {(int)check.StatusCode}.");
            }
        }

        var timings = await ServerTimingProbe.MeasureAsync(http, [.. pages.Select(p => site.BaseUrl + p.Path)], Requests);
        foreach (var ((label, path, budget), timing) in pages.Zip(timings))
        {
            report.Add($"Catalogue over {products:N0} products, {label} (`{path}`): server time, median / p95 of {Requests:N0}", Stats.MedianP95(timing.Server), budget);
        }

        report.Add($"Resident memory of the site with {products:N0} products, after those requests", $"{site.ResidentBytes() / 1024.0 / 1024.0:0} MB");
    }

    /// <summary>1,500 enterprises for 10,000 products, the proportion.</summary>
    public static int EnterprisesFor(int products) => Math.Max(1, products * 3 / 20);
}
