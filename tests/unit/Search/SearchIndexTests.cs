using System.Diagnostics;
using Spcncl.Content.Documents;
using Spcncl.Search;
using Spcncl.Tests.Fixtures;
using static Spcncl.Tests.Fixtures.ContentValues;

namespace Spcncl.Tests.Search;

/// <summary>The index follows the content within a second, rebuilds without ever answering empty, and survives damage.</summary>
public sealed class SearchIndexTests
{
    private const string Editor = "editor@test";

    private static async Task<Document> PublishPageAsync(TestEngine engine, string vi, string viBody, string? en = null, string? enBody = null)
    {
        var cultures = Cultures(("vi", new VariantInput(vi, Values: Values(("body", viBody)))));
        if (en is not null)
        {
            cultures["en"] = new VariantInput(en, Values: Values(("body", enBody ?? "")));
        }

        var page = Ok(await engine.Content.CreateAsync(new CreateDocumentRequest("textPage", engine.IdOf("home"), cultures), Editor));
        return Ok(await engine.Content.PublishAsync(page.Id, en is null ? ["vi"] : ["vi", "en"], Editor));
    }

    /// <summary>Searches until <paramref name="done"/> holds or a second has passed; returns how long it took.</summary>
    private static async Task<TimeSpan> WithinASecondAsync(SearchService search, string text, Func<SearchResults, bool> done)
    {
        var watch = Stopwatch.StartNew();
        while (!done(search.Search(new SearchRequest(text, "vi"))))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(1), $"the index did not show the change to '{text}' within a second");
            await Task.Delay(20);
        }

        return watch.Elapsed;
    }

    private static async Task<TestEngine> StartWithIndexAsync()
    {
        var engine = await TestEngine.StartAsync();
        await engine.Get<SearchIndex>().WhenRebuilt;
        return engine;
    }

    [Fact]
    public async Task Publish_IsFoundWithinASecond_AndUnpublish_IsGoneWithinASecond()
    {
        await using var engine = await StartWithIndexAsync();
        var search = engine.Get<SearchService>();
        Assert.Equal(0, search.Search(new SearchRequest("quạt trần", "vi")).Total);

        var page = await PublishPageAsync(engine, "Quạt trần tiết kiệm điện", "Quạt trần động cơ một chiều.");
        await WithinASecondAsync(search, "quat tran", r => r.Hits.Any(h => h.DocumentId == page.Id));

        Ok(await engine.Content.UnpublishAsync(page.Id, ["vi"], Editor));
        await WithinASecondAsync(search, "quat tran", r => r.Total == 0);
    }

    [Fact]
    public async Task RenamingAnEnterprise_ReindexesItsProducts()
    {
        await using var engine = await StartWithIndexAsync();
        var search = engine.Get<SearchService>();
        var enterprise = engine.Snapshot.OfType("enterprise").First(e => engine.Snapshot.OfType("product").Any(p => p.SharedValues["enterprise"].GetString() == e.Key.ToString()));
        var draft = (await engine.Content.GetAsync(enterprise.Id))!;

        var renamed = Ok(await engine.Content.SaveAsync(new SaveDocumentRequest(enterprise.Id, draft.Revision, Cultures(("vi", new VariantInput("Công ty Cổ phần Xưởng Zephyrquartz")))), Editor));
        Ok(await engine.Content.PublishAsync(enterprise.Id, ["vi"], Editor, renamed.Revision));

        await WithinASecondAsync(search, "zephyrquartz", r => r.Facets.Kinds.GetValueOrDefault("product") > 0 && r.Facets.Kinds.GetValueOrDefault("enterprise") == 1);
    }

    [Fact]
    public async Task DuringARebuild_EverySearchStillGetsTheWholeAnswer_AndChangesMadeMeanwhileSurvive()
    {
        await using var engine = await StartWithIndexAsync();
        var search = engine.Get<SearchService>();
        var index = engine.Get<SearchIndex>();
        var expected = search.Search(new SearchRequest("cable", "en")).Total;
        Assert.True(expected >= 5);

        var rebuild = index.StartRebuild();
        var page = await PublishPageAsync(engine, "Trang giữa chừng", "Đăng trong lúc dựng lại chỉ mục: ornithopter.");
        var searches = 0;
        while (!rebuild.IsCompleted || searches < 20)
        {
            Assert.Equal(expected, search.Search(new SearchRequest("cable", "en")).Total);
            searches++;
            await Task.Yield();
        }

        await rebuild;
        Assert.False(index.IsRebuilding);
        await WithinASecondAsync(search, "ornithopter", r => r.Hits.Any(h => h.DocumentId == page.Id));
        Assert.Equal(expected, search.Search(new SearchRequest("cable", "en")).Total);
    }

    [Fact]
    public async Task ADamagedIndex_IsRebuiltAtStartUp_NotACrash()
    {
        await using var database = await TestDatabase.CreateAsync(Spcncl.Persistence.DatabaseProvider.Sqlite, await TestEngine.SeededTemplates.GetAsync(Spcncl.Persistence.DatabaseProvider.Sqlite));
        await using (var first = await TestEngine.StartAsync(sharedDatabase: database))
        {
            Assert.False(first.Get<SearchIndex>().IsRebuilding, "the seeded index should have opened as it was");
        }

        var root = Path.Combine(database.DataFolder, "search", SearchServiceCollectionExtensions.ExternalIndex);
        var damaged = 0;
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => Path.GetFileName(Path.GetDirectoryName(f)) != SearchServiceCollectionExtensions.ExternalIndex))
        {
            await File.WriteAllTextAsync(file, "not a Lucene file");
            damaged++;
        }

        Assert.True(damaged > 0);
        await using var again = await TestEngine.StartAsync(sharedDatabase: database);
        Assert.True(again.Get<SearchIndex>().IsRebuilding || again.Get<SearchIndex>().WhenRebuilt.IsCompleted);
        await again.Get<SearchIndex>().WhenRebuilt;

        Assert.True(again.Get<SearchService>().Search(new SearchRequest("cable", "en")).Total >= 5);
    }

    [Fact]
    public async Task TheVisitorsLanguageComesFirst_AndExactAccentsRankAboveFoldedOnes()
    {
        await using var engine = await StartWithIndexAsync();
        var search = engine.Get<SearchService>();
        var vietnameseOnly = await PublishPageAsync(engine, "Lịch trình Quasarbloom", "Quasarbloom chỉ có tiếng Việt.");
        var both = await PublishPageAsync(engine, "Lịch Quasarbloom", "Quasarbloom bản tiếng Việt.", "Quasarbloom calendar", "Quasarbloom in English.");
        var folded = await PublishPageAsync(engine, "Lang gom Quasarbloom", "Lang nghe gom Quasarbloom.");
        var exact = await PublishPageAsync(engine, "Làng gốm Quasarbloom", "Làng nghề gốm Quasarbloom.");
        await WithinASecondAsync(search, "quasarbloom", r => r.Total == 4);

        var english = search.Search(new SearchRequest("quasarbloom", "en"));
        Assert.Equal(both.Id, english.Hits[0].DocumentId);
        Assert.Contains(english.Hits, h => h.DocumentId == vietnameseOnly.Id && h.TitleCulture == "vi" && !h.InVisitorCulture);

        var accented = search.Search(new SearchRequest("làng gốm", "vi"));
        Assert.Equal([exact.Id, folded.Id], accented.Hits.Take(2).Select(h => h.DocumentId));
        var plain = search.Search(new SearchRequest("lang gom", "vi"));
        Assert.Contains(plain.Hits, h => h.DocumentId == exact.Id);
        Assert.Contains(plain.Hits, h => h.DocumentId == folded.Id);
    }

    [Fact]
    public async Task AWordInTheName_OutranksItInTheSummary_WhichOutranksItInTheBody()
    {
        await using var engine = await StartWithIndexAsync();
        var search = engine.Get<SearchService>();
        async Task<Document> PublishAsync(string name, string summary, string body)
        {
            var cultures = Cultures(("vi", new VariantInput(name, Values: Values(("summary", summary), ("body", body)))));
            var page = Ok(await engine.Content.CreateAsync(new CreateDocumentRequest("textPage", engine.IdOf("home"), cultures), Editor));
            return Ok(await engine.Content.PublishAsync(page.Id, ["vi"], Editor));
        }

        // Published in the opposite order, so that index order (which breaks ties) would put them the wrong way round.
        var inBody = await PublishAsync("Trang một", "Giới thiệu chung về trang", "Nội dung Velvetorb của trang này khá dài");
        var inSummary = await PublishAsync("Trang hai", "Giới thiệu Velvetorb về trang", "Nội dung chung của trang này khá dài");
        var inName = await PublishAsync("Velvetorb", "Giới thiệu chung về trang", "Nội dung chung của trang này khá dài");
        await WithinASecondAsync(search, "velvetorb", r => r.Total == 3);

        // Not the last word typed, which is also looked for as the beginning of a word of the name or summary.
        Assert.Equal([inName.Id, inSummary.Id, inBody.Id], search.Search(new SearchRequest("velvetorb dài", "vi")).Hits.Select(h => h.DocumentId));
    }

    [Fact]
    public async Task FacetCounts_AreWhatTheirFilterFinds_WithTheOtherFiltersApplied()
    {
        await using var engine = await StartWithIndexAsync();
        var search = engine.Get<SearchService>();
        const string Words = "sản phẩm";
        SearchResults Find(SearchRequest request) => search.Search(request with { Text = Words, Culture = "vi" });

        var all = Find(new SearchRequest(null, "vi"));
        Assert.True(all.Facets.Kinds.Count >= 4 && all.Facets.Sectors.Count >= 4 && all.Facets.Years.Count >= 4, "the demo content should spread these words over kinds, sectors and years");
        Assert.InRange(all.Facets.Top10, 1, all.Total - 1);
        Assert.Equal(all.Total, all.Facets.Kinds.Values.Sum());
        foreach (var (kind, count) in all.Facets.Kinds)
        {
            Assert.Equal(count, Find(new SearchRequest(null, "vi", Kinds: [SearchFields.ParseKind(kind)!.Value])).Total);
        }

        foreach (var (sector, count) in all.Facets.Sectors)
        {
            Assert.Equal(count, Find(new SearchRequest(null, "vi", Sector: sector)).Total);
        }

        foreach (var (language, count) in all.Facets.Languages)
        {
            Assert.Equal(count, Find(new SearchRequest(null, "vi", Language: language)).Total);
        }

        Assert.Equal(all.Facets.Top10, Find(new SearchRequest(null, "vi", Top10: true)).Total);

        // Within one award year: the other facets count that year's pages only, the years facet still offers every year.
        var (year, inYear) = all.Facets.Years.First();
        var ofYear = Find(new SearchRequest(null, "vi", Year: int.Parse(year, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(inYear, ofYear.Total);
        Assert.Equal(all.Facets.Years.OrderBy(y => y.Key), ofYear.Facets.Years.OrderBy(y => y.Key));
        foreach (var (sector, count) in ofYear.Facets.Sectors)
        {
            Assert.Equal(count, Find(new SearchRequest(null, "vi", Sector: sector, Year: int.Parse(year, System.Globalization.CultureInfo.InvariantCulture))).Total);
        }

        Assert.Equal(0, Find(new SearchRequest(null, "vi", Sector: "no-such-sector")).Total);
    }

    public static TheoryData<string> Hostile => new()
    {
        "\"unbalanced quote",
        "(((brackets",
        "]]}}>>",
        "*",
        "?",
        "cable*",
        "title:cable",
        "cable~2",
        "cable^100",
        "AND",
        "OR NOT",
        "cable AND OR NOT",
        "\\",
        "\\\\\\",
        "a\u0000b\u0007c",
        "\u202Ecable",
        "<script>alert(1)</script>",
        "<mark>x</mark>",
        "\" onmouseover=\"alert(1)",
        "' OR 1=1 --",
        "%00%ff",
        "🙂🙃",
        "\uD800",
        new string('x', 5000),
        string.Join(' ', Enumerable.Repeat("cáp điện", 2500)),
        "   ",
        "",
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task AnythingTyped_GivesResultsOrNone_NeverAnErrorOrLiveMarkup(string text)
    {
        await using var engine = await StartWithIndexAsync();
        var search = engine.Get<SearchService>();

        var results = search.Search(new SearchRequest(text, "en"));
        var suggestions = search.Suggest(text, "vi");

        Assert.True(results.Total >= 0 && suggestions.Count <= 8);
        foreach (var hit in results.Hits)
        {
            var withoutMarks = hit.TitleHtml.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal)
                + hit.SnippetHtml.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal);
            Assert.DoesNotContain('<', withoutMarks);
        }
    }

    [Fact]
    public async Task Hits_MarkTheWordsFound_TypedWithoutAccents_OrHalfTyped_InAShortPassage()
    {
        await using var engine = await StartWithIndexAsync();
        var search = engine.Get<SearchService>();

        var lamp = search.Search(new SearchRequest("den led", "vi")).Hits[0];
        Assert.StartsWith("<mark>Đèn</mark> <mark>LED</mark>", lamp.TitleHtml, StringComparison.Ordinal);
        Assert.Contains("<mark>", lamp.SnippetHtml, StringComparison.Ordinal);

        var camera = search.Search(new SearchRequest("camera thong mi", "vi")).Hits[0];
        Assert.Contains("<mark>thông</mark> <mark>minh</mark>", camera.TitleHtml, StringComparison.OrdinalIgnoreCase);

        // Two passages of about 160 characters at most, words whole, and nothing else of a long description.
        var passages = lamp.SnippetHtml.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal).Split(" … ");
        Assert.InRange(passages.Length, 1, 2);
        Assert.All(passages, p => Assert.InRange(p.Length, 1, 160 + 20));
    }

    [Fact]
    public async Task NothingFound_SuggestsTheClosestKnownWords()
    {
        await using var engine = await StartWithIndexAsync();
        var search = engine.Get<SearchService>();

        var results = search.Search(new SearchRequest("yogrut", "en"));

        Assert.Equal(0, results.Total);
        Assert.Equal("yoghurt", results.DidYouMean);
        Assert.True(search.Search(new SearchRequest(results.DidYouMean, "en")).Total > 0);
    }
}
