using System.Globalization;
using Spcncl.Localization;
using Spcncl.Registry;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.Registry;

/// <summary>
/// The buyer's catalogue over the demo registry: each filter keeps what it says, filters combine, and every option
/// shows how many products choosing it would leave (with the other filters applied). 24 products a page.
/// </summary>
public sealed class ProductCatalogueTests : IAsyncLifetime
{
    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.StartAsync(clock: FixedClock.At(new DateOnly(2026, 12, 1)));

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private ProductCatalogue Catalogue => _engine.Get<ProductCatalogue>();

    private RegistrySnapshot Registry => _engine.Get<AwardRegistry>().Current;

    private DateOnly Today => _engine.Get<AwardRegistry>().Today;

    private CatalogueResult Search(CatalogueQuery query, string culture = "en") => Catalogue.Search(query, culture);

    /// <summary>Every product the query matches, over all pages.</summary>
    private List<CatalogueEntry> All(CatalogueQuery query, string culture = "en") => Search(query with { PageSize = 10_000 }, culture).Items.ToList();

    [Theory]
    [InlineData("en")]
    [InlineData("vi")]
    public void Unfiltered_ListsEveryPublishedProduct_24APage_InTheCulturesAlphabeticalOrder(string culture)
    {
        var result = Search(new CatalogueQuery(), culture);
        var published = _engine.Snapshot.OfType("product").Count(p => _engine.Snapshot.In(p, culture) is not null);

        Assert.Equal(published, result.Total);
        Assert.True(result.Total > 2 * ProductCatalogue.PageSize, $"only {result.Total} demo products");
        Assert.Equal(ProductCatalogue.PageSize, result.Items.Count);
        Assert.Equal((result.Total + 23) / 24, result.PageCount);
        var names = All(new CatalogueQuery(), culture).Select(e => e.Name).ToList();
        Assert.Equal(names.Order(_engine.Get<CultureFormatter>().Collation(culture)), names);
    }

    [Fact]
    public void Page_TheLastHoldsTheRest_AndOneBeyondShowsTheLast()
    {
        var first = Search(new CatalogueQuery());
        var last = Search(new CatalogueQuery(Page: first.PageCount));
        var beyond = Search(new CatalogueQuery(Page: first.PageCount + 5));

        Assert.Equal(first.Total - ((first.PageCount - 1) * 24), last.Items.Count);
        Assert.Equal(first.PageCount, beyond.Page);
        Assert.Equal(last.Items.Select(e => e.Key), beyond.Items.Select(e => e.Key));
        Assert.Empty(Search(new CatalogueQuery(Page: 2)).Items.Intersect(first.Items));
    }

    [Fact]
    public void Sector_KeepsOnlyThatSector()
    {
        var products = All(new CatalogueQuery(Sector: "electrical"));

        Assert.NotEmpty(products);
        Assert.All(products, e => Assert.Equal("electrical", e.SectorCode));
        Assert.Equal(All(new CatalogueQuery()).Count(e => e.SectorCode == "electrical"), products.Count);
    }

    [Fact]
    public void Year_KeepsProductsRecognisedThatYear()
    {
        var products = All(new CatalogueQuery(Year: 2021));
        var recognised = Registry.ForYear(2021).Select(a => a.ProductKey).ToHashSet();

        Assert.Equal(recognised.Count, products.Count);
        Assert.All(products, e => Assert.Contains(e.Key, recognised));
    }

    [Fact]
    public void Top10_KeepsProductsThatWereTop10InSomeYear()
    {
        var products = All(new CatalogueQuery(Top10: true));
        var top10 = Registry.Awards.Where(a => a.Top10).Select(a => a.ProductKey).ToHashSet();

        Assert.Equal(top10.Count, products.Count);
        Assert.All(products, e => Assert.Contains(e.Key, top10));
    }

    [Fact]
    public void Top10WithAYear_MeansTop10InThatYear_AndTheCountsFollow()
    {
        var result = Search(new CatalogueQuery(Year: 2020, Top10: true));
        var products = All(new CatalogueQuery(Year: 2020, Top10: true));

        // The programme names ten Top 10 products a year from 2019.
        Assert.Equal(10, products.Count);
        Assert.All(products, e => Assert.Contains(2020, e.Top10Years));
        Assert.Equal(Registry.ForYear(2020).Where(a => a.Top10).Select(a => a.ProductKey).Order(), products.Select(e => e.Key).Order());
        Assert.Equal(10, result.Top10Count);
        Assert.All(result.Years.Where(y => int.Parse(y.Value, CultureInfo.InvariantCulture) >= 2019), y => Assert.Equal(10, y.Count));
    }

    [Fact]
    public void Valid_KeepsProductsWhoseLatestTitleIsCurrent()
    {
        var products = All(new CatalogueQuery(ValidOnly: true));
        var current = Registry.Awards.Where(a => a.IsValidOn(Today)).Select(a => a.ProductKey).ToHashSet();

        Assert.NotEmpty(products);
        Assert.Equal(current.Count, products.Count);
        Assert.All(products, e => Assert.True(e.ValidUntil >= Today));
    }

    [Fact]
    public void MarketAndArea_KeepProductsOfEnterprisesThatMatch()
    {
        var market = All(new CatalogueQuery(Market: "eu"));
        var area = All(new CatalogueQuery(Area: "cau-giay"));

        Assert.NotEmpty(market);
        Assert.All(market, e => Assert.Contains("eu", e.Markets));
        Assert.NotEmpty(area);
        Assert.All(area, e => Assert.Equal("cau-giay", e.Area));
    }

    [Fact]
    public void Filters_Combine()
    {
        var query = new CatalogueQuery(Sector: "mechanical", Year: 2023, ValidOnly: true, Market: "eu");

        var products = All(query);

        Assert.All(products, e => Assert.True(e.SectorCode == "mechanical" && e.AwardYears.Contains(2023) && e.ValidUntil >= Today && e.Markets.Contains("eu")));
        Assert.Equal(All(new CatalogueQuery()).Count(e => e.SectorCode == "mechanical" && e.AwardYears.Contains(2023) && e.ValidUntil >= Today && e.Markets.Contains("eu")), products.Count);
    }

    public static TheoryData<string, CatalogueQuery> BaseQueries() => new()
    {
        { "no filter", new CatalogueQuery() },
        { "currently valid", new CatalogueQuery(ValidOnly: true) },
        { "mechanical, 2023", new CatalogueQuery(Sector: "mechanical", Year: 2023) },
        { "Top 10 in 2022", new CatalogueQuery(Year: 2022, Top10: true) },
        { "exports to Japan", new CatalogueQuery(Market: "japan") },
    };

    [Theory]
    [MemberData(nameof(BaseQueries))]
    public void EachOptionsCount_IsWhatChoosingItWouldShow(string description, CatalogueQuery query)
    {
        var result = Search(query);

        Assert.All(result.Sectors, o => Assert.True(Search(query with { Sector = o.Value }).Total == o.Count, $"{description}: sector {o.Value}"));
        Assert.All(result.Years, o => Assert.True(Search(query with { Year = int.Parse(o.Value, CultureInfo.InvariantCulture) }).Total == o.Count, $"{description}: year {o.Value}"));
        Assert.All(result.Markets, o => Assert.True(Search(query with { Market = o.Value }).Total == o.Count, $"{description}: market {o.Value}"));
        Assert.All(result.Areas, o => Assert.True(Search(query with { Area = o.Value }).Total == o.Count, $"{description}: area {o.Value}"));
        Assert.Equal(Search(query with { Top10 = true }).Total, result.Top10Count);
        Assert.Equal(Search(query with { ValidOnly = true }).Total, result.ValidCount);
        Assert.All(result.Sectors.Concat(result.Years).Concat(result.Markets).Concat(result.Areas), o => Assert.True(o.Count > 0));
    }

    [Fact]
    public void Options_AreLabelledInTheCulture_SectorsAlphabetically_YearsNewestFirst()
    {
        var english = Search(new CatalogueQuery(), "en");
        var vietnamese = Search(new CatalogueQuery(), "vi");

        Assert.Equal(8, english.Sectors.Count);
        Assert.Contains(english.Sectors, o => o is { Value: "handicrafts", Label: "Handicrafts" });
        Assert.Contains(vietnamese.Sectors, o => o is { Value: "mechanical", Label: "Cơ khí, chế tạo" });
        Assert.Equal(english.Sectors.Select(o => o.Label).Order(StringComparer.Create(CultureInfo.GetCultureInfo("en-GB"), false)), english.Sectors.Select(o => o.Label));
        Assert.Equal(Enumerable.Range(2018, 8).Reverse().Select(y => y.ToString(CultureInfo.InvariantCulture)), english.Years.Select(o => o.Value));
    }

    [Theory]
    [InlineData("vi", "may tien cnc", "Máy tiện CNC TrangAn CT-25")]
    [InlineData("vi", "MÁY TIỆN", "Máy tiện CNC TrangAn CT-25")]
    [InlineData("en", "trangan", "TrangAn CNC lathe CT-25")]
    [InlineData("en", "Tràng An", "TrangAn CNC lathe CT-25")]
    public void Text_ForgivesMissingAccentsAndCase(string culture, string text, string expected)
    {
        var products = All(new CatalogueQuery(Text: text), culture);

        Assert.Contains(products, e => e.Name == expected);
    }

    [Fact]
    public void Text_ThatMatchesNothing_GivesAnEmptyPage_NotAnError()
    {
        var result = Search(new CatalogueQuery(Text: "<script>alert(1)</script>' OR 1=1 --"));

        Assert.Equal((0, 1, 1), (result.Total, result.Page, result.PageCount));
        Assert.Empty(result.Items);
        Assert.Empty(result.Sectors);
    }

    [Fact]
    public void SortNewest_PutsTheLatestAwardFirst_ThenByName()
    {
        var products = All(new CatalogueQuery(Sort: CatalogueSort.Newest));

        Assert.Equal(products.OrderByDescending(e => e.LatestYear ?? 0).ThenBy(e => e.NameRank).Select(e => e.Key), products.Select(e => e.Key));
        Assert.Equal(2025, products[0].LatestYear);
    }

    [Fact]
    public void UnknownValues_MatchNothing_AndNeverThrow()
    {
        var result = Search(new CatalogueQuery(Sector: "aerospace", Year: 1999, Market: "mars", Area: "atlantis", Page: -3));

        Assert.Equal(0, result.Total);
        Assert.Equal(1, result.Page);
    }

    [Fact]
    public async Task Entries_AreBuiltOncePerGeneration_AndAnOldGenerationIsLetGo()
    {
        var old = Track(() => Catalogue.Entries("en"));

        await _engine.Get<AwardRegistry>().LoadAsync(default);
        var current = Catalogue.Entries("en");
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();

        Assert.False(old.IsAlive, "the catalogue still holds the entries of an old registry generation");
        Assert.Same(current, Catalogue.Entries("en"));
        Assert.Equal(current.Select(e => e.Key), Catalogue.Entries("en").Select(e => e.Key));
    }

    /// <summary>A weak reference made in a frame of its own, so that no local variable keeps the object alive.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    internal static WeakReference Track(Func<object> create) => new(create());
}
