using System.Diagnostics;
using System.Globalization;
using Spcncl.Bench.Generation;
using Spcncl.Bench.Harness;
using Spcncl.Bench.Search;
using Spcncl.Published;
using Spcncl.Search;

namespace Spcncl.Bench;

/// <summary>
/// Search at scale (issue 4): 100,000 generated products (and their 15,000 enterprises) beside the demo seed. The
/// site's Lucene index is built from the published snapshot by the real <see cref="SearchIndex"/>, then 1,000 mixed
/// queries go through <see cref="SearchService"/> and 1,000 type-ahead inputs through its suggestions. Side by side,
/// on the same value sets and queries: SQLite FTS5, as shipped and with đ folded by the application. Recall@10 is
/// measured on the accent-less Vietnamese queries, whose relevant products the generator knows.
/// </summary>
public static class SearchBenchmark
{
    public const int DefaultProducts = 100_000;
    public const int QueryCount = 1_000;
    public const int SuggestionCount = 1_000;

    public static async Task RunAsync(Report report, BenchOptions options)
    {
        var products = options.Size ?? DefaultProducts;
        using var data = await GeneratedSite.PrepareAsync(products, CatalogueBenchmark.EnterprisesFor(products), options.DataFolder, Console.Out);
        var watch = Stopwatch.StartNew();
        await using var engine = await BenchEngine.StartAsync(BenchFolders.Root, data.Folder, EngineMode.BulkLoad);
        report.Add($"Engine start-up on {products:N0} products: migrations checked, snapshot and registry loaded", Stats.Seconds(watch.Elapsed));

        var index = engine.Get<SearchIndex>();
        var snapshot = engine.Snapshot;
        var workload = SearchWorkload.Create(data.Generator, NamedProducts(snapshot), QueryCount, SuggestionCount);
        Console.WriteLine($"Building the Lucene index of {snapshot.Count:N0} documents …");
        watch.Restart();
        await index.StartRebuild();
        var luceneBuild = watch.Elapsed;
        report.Add($"Lucene index build from the published snapshot (`SearchIndex` rebuild, {index.Status().Documents:N0} documents, {Environment.ProcessorCount} threads)", Stats.Seconds(luceneBuild), "≤ 60 s");

        var built = BuildFts5(data.Folder, index.Definition, snapshot, foldStroke: false);
        using var fts = built.Index;
        using var ftsFolded = BuildFts5(data.Folder, index.Definition, snapshot, foldStroke: true).Index;
        report.Add($"SQLite FTS5 index build from the same value sets ({built.Rows:N0} rows, value sets built in parallel, one writer, then optimize)", Stats.Seconds(built.Elapsed));
        report.Add("Index size on disk: Lucene / FTS5", $"{FolderBytes(Path.Combine(data.Folder, "search")) / 1e6:N0} / {fts.SizeBytes() / 1e6:N0} MB");

        var search = engine.Get<SearchService>();
        var engines = new (string Name, Func<BenchQuery, int> Run)[]
        {
            ("Lucene", q => search.Search(new SearchRequest(q.Text, q.Culture)).Hits.Count),
            ("Lucene, a page of 1", q => search.Search(new SearchRequest(q.Text, q.Culture, PageSize: 1)).Total),
            ("FTS5", q => fts.Search(q.Text, q.Culture, productsOnly: false).Count),
            ("FTS5 + đ folded", q => ftsFolded.Search(q.Text, q.Culture, productsOnly: false).Count),
        };
        var latencies = new Dictionary<string, List<double>>();
        var empty = new Dictionary<string, int>();
        foreach (var (name, run) in engines)
        {
            Console.WriteLine($"Querying {name} …");
            foreach (var query in workload.Queries)
            {
                run(query); // warm-up: compiled, caches filled
            }

            GC.Collect();
            latencies[name] = [];
            empty[name] = 0;
            foreach (var query in workload.Queries)
            {
                var start = Stopwatch.GetTimestamp();
                var hits = run(query);
                latencies[name].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                empty[name] += hits == 0 ? 1 : 0;
            }
        }

        var mix = string.Join(", ", workload.Queries.GroupBy(q => q.Kind).Select(g => $"{g.Count()} {Describe(g.Key)}"));
        report.Add($"{QueryCount:N0} mixed queries ({mix}) through `SearchService.Search` (a page of 10 with facets and highlights): median / p95", Stats.MedianP95(latencies["Lucene"]), "p95 ≤ 10 ms");
        report.Add("Lucene p95 by kind of query", string.Join("; ", workload.Queries.Zip(latencies["Lucene"]).GroupBy(p => p.First.Kind).Select(g => FormattableString.Invariant($"{Describe(g.Key)} {Stats.P95([.. g.Select(p => p.Second)]):0.0}"))) + " ms");
        report.Add("The same queries for a page of one result (facets, one highlighted hit): median / p95", Stats.MedianP95(latencies["Lucene, a page of 1"]));
        report.Add("The same queries, SQLite FTS5 (top 10 by bm25 with highlight and snippet): median / p95", Stats.MedianP95(latencies["FTS5"]));
        report.Add("The same queries, FTS5 with đ folded by the application: median / p95", Stats.MedianP95(latencies["FTS5 + đ folded"]));
        report.Add($"Queries answered with nothing, of {QueryCount:N0}: Lucene / FTS5 / FTS5 + đ folded", $"{empty["Lucene"]} / {empty["FTS5"]} / {empty["FTS5 + đ folded"]}");

        foreach (var kind in new[] { QueryKind.AccentlessVietnamese, QueryKind.AccentlessVietnameseWithMaker })
        {
            var measured = workload.Queries.Where(q => q.Kind == kind && q.Relevant is { Count: > 0 }).ToList();
            double Recall(Func<BenchQuery, IEnumerable<Guid>> top) =>
                measured.Average(q => top(q).Take(10).Count(q.Relevant!.Contains) / (double)Math.Min(10, q.Relevant!.Count));
            var lucene = Recall(q => search.Search(new SearchRequest(q.Text, q.Culture, Kinds: [SearchKind.Product], PageSize: 10)).Hits.Select(h => h.Key));
            var plain = Recall(q => fts.Search(q.Text, q.Culture, productsOnly: true).Select(r => r.Key));
            var folded = Recall(q => ftsFolded.Search(q.Text, q.Culture, productsOnly: true).Select(r => r.Key));
            var relevant = measured.Select(q => (double)q.Relevant!.Count).ToList();
            report.Add(
                $"Recall@10 on {measured.Count} {Describe(kind)} queries (relevant products in the top 10 ÷ min(10, relevant); median {Stats.Median(relevant):N0} relevant a query): Lucene / FTS5 / FTS5 + đ folded",
                FormattableString.Invariant($"{lucene:0.000} / {plain:0.000} / {folded:0.000}"));
        }

        foreach (var (text, culture) in workload.Suggestions)
        {
            search.Suggest(text, culture);
        }

        GC.Collect();
        var suggestions = workload.Suggestions.Select(s =>
        {
            var start = Stopwatch.GetTimestamp();
            search.Suggest(s.Text, s.Culture);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }).ToList();
        report.Add($"{SuggestionCount:N0} type-ahead inputs (\"Máy biế\", \"den l\", \"distribution tra\", \"quangm\") through `SearchService.Suggest`: median / p95", Stats.MedianP95(suggestions), "≤ 20 ms");
    }

    /// <summary>A new FTS5 index in the data folder, built from the value sets the Lucene index is built from; how long it took, how many rows.</summary>
    private static (Fts5Index Index, TimeSpan Elapsed, int Rows) BuildFts5(string folder, SearchIndexDefinition definition, PublishedSnapshot snapshot, bool foldStroke)
    {
        var file = Path.Combine(folder, foldStroke ? "fts5-folded.db" : "fts5.db");
        foreach (var stale in new[] { file, file + "-wal", file + "-shm" }.Where(File.Exists))
        {
            File.Delete(stale);
        }

        Console.WriteLine($"Building the FTS5 index{(foldStroke ? " with đ folded" : "")} …");
        var watch = Stopwatch.StartNew();
        var fts = Fts5Index.Create(file, foldStroke);
        var rows = fts.Build(snapshot.Documents.AsParallel().Select(d => definition.Build(d, snapshot)).OfType<ValueSet>());
        return (fts, watch.Elapsed, rows);
    }

    /// <summary>Every published product with its Vietnamese name and its maker's.</summary>
    public static IEnumerable<NamedProduct> NamedProducts(PublishedSnapshot snapshot) =>
        snapshot.OfType("product").Select(p => new NamedProduct(
            p.Key,
            p.Variants["vi"].Name,
            p.SharedValues.TryGetValue("enterprise", out var maker) && Guid.TryParse(maker.GetString(), out var key) && snapshot.Get(key) is { } enterprise ? enterprise.Variants["vi"].Name : ""));

    private static long FolderBytes(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);

    private static string Describe(QueryKind kind) => kind switch
    {
        QueryKind.AccentlessVietnamese => "accent-less Vietnamese",
        QueryKind.AccentlessVietnameseWithMaker => "accent-less Vietnamese with the maker",
        QueryKind.Accented => "accented",
        QueryKind.EnglishPlural => "English plural/singular",
        QueryKind.Typo => "typo",
        QueryKind.Partial => "partial",
        _ => "phrase",
    };
}
