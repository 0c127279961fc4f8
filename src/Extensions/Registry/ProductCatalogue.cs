using System.Collections.Concurrent;
using Spcncl.Localization;
using Spcncl.Published;
using Spcncl.Published.Models;

namespace Spcncl.Registry;

/// <summary>
/// The buyer's catalogue: every product page of a culture joined with its awards and its enterprise, held in memory
/// per (snapshot, registry) generation, and queried with filters whose options each show how many products they
/// would leave (counted with the other filters applied, as buyers expect from faceted catalogues).
/// </summary>
public sealed class ProductCatalogue(PublishedSnapshotService snapshots, AwardRegistry registry, PublishedModelFactory models, CultureFormatter formatter)
{
    public const int PageSize = 24;

    private readonly ConcurrentDictionary<(long, long, string), CatalogueEntries> _entries = new();

    /// <summary>Every product page in the culture with what the catalogue filters on.</summary>
    public IReadOnlyList<CatalogueEntry> Entries(string culture) => Current(culture).Entries;

    /// <summary>The export markets of the products' makers: the values the market filter knows.</summary>
    public IReadOnlyCollection<string> Markets(string culture) => Current(culture).MarketLabels.Keys;

    /// <summary>The areas of the products' makers: the values the area filter knows.</summary>
    public IReadOnlyCollection<string> Areas(string culture) => Current(culture).AreaLabels.Keys;

    /// <summary>
    /// One pass over the entries: each filter is tested once per product, and a facet's options are counted over the
    /// products every other filter lets through (so each option shows what choosing it would leave).
    /// </summary>
    public CatalogueResult Search(CatalogueQuery query, string culture)
    {
        var current = Current(culture);
        var entries = current.Entries;
        var today = registry.Today;
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : Fold(query.Text);
        var matches = text is null ? null : query.TextMatches;

        var all = new List<CatalogueEntry>();
        var sectors = new FacetCounts<string>();
        var yearCounts = new FacetCounts<int>();
        var markets = new FacetCounts<string>();
        var areas = new FacetCounts<string>();
        int top10Count = 0, validCount = 0;
        foreach (var e in entries)
        {
            if (text is not null && !(matches?.ContainsKey(e.Key) ?? e.SearchText.Contains(text, StringComparison.Ordinal)))
            {
                continue;
            }

            // "Top 10" with a year means Top 10 in that year, not Top 10 once and recognised that year: with Top 10 on,
            // the year filter and its counts look at the Top 10 years, and the Top 10 count with a year counts that year's.
            var years = query.Top10 ? e.Top10Years : e.AwardYears;
            var sectorOk = query.Sector is null || e.SectorCode == query.Sector;
            var yearOk = query.Year is null || years.Contains(query.Year.Value);
            var isTop10 = query.Year is { } chosen ? e.Top10Years.Contains(chosen) : e.Top10Years.Count > 0;
            var top10Ok = !query.Top10 || e.Top10Years.Count > 0;
            var isValid = e.ValidUntil is { } until && until >= today;
            var validOk = !query.ValidOnly || isValid;
            var marketOk = query.Market is null || e.Markets.Contains(query.Market);
            var areaOk = query.Area is null || e.Area == query.Area;
            var failed = (sectorOk ? 0 : 1) + (yearOk ? 0 : 1) + (top10Ok ? 0 : 1) + (validOk ? 0 : 1) + (marketOk ? 0 : 1) + (areaOk ? 0 : 1);

            // A facet counts an entry that passes every other filter: no filter failed, or only its own.
            if (failed > 1)
            {
                continue;
            }

            if (failed == 0)
            {
                all.Add(e);
            }

            if (failed == 0 || !sectorOk)
            {
                sectors.Add(e.SectorCode);
            }

            if (failed == 0 || !yearOk)
            {
                foreach (var year in years)
                {
                    yearCounts.Add(year);
                }
            }

            if (failed == 0 || !marketOk)
            {
                foreach (var market in e.Markets)
                {
                    markets.Add(market);
                }
            }

            if ((failed == 0 || !areaOk) && e.Area is { } area)
            {
                areas.Add(area);
            }

            top10Count += (failed == 0 || !top10Ok) && isTop10 ? 1 : 0;
            validCount += (failed == 0 || !validOk) && isValid ? 1 : 0;
        }

        // Entries are kept in the culture's alphabetical order, so sorting by name is free and "newest" needs only ints.
        IEnumerable<CatalogueEntry> sorted = all;
        if (query.Sort == CatalogueSort.Newest)
        {
            sorted = all.OrderByDescending(e => e.LatestYear ?? 0).ThenBy(e => e.NameRank);
        }
        else if (query.Sort == CatalogueSort.Relevance && matches is not null)
        {
            sorted = all.OrderByDescending(e => matches[e.Key]).ThenBy(e => e.NameRank);
        }

        var pageCount = Math.Max(1, (all.Count + query.PageSize - 1) / query.PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);
        var collation = formatter.Collation(culture);
        List<FacetOption> ByLabel(FacetCounts<string> counts, Func<string, string> label) =>
            [.. counts.Select(c => new FacetOption(c.Value, label(c.Value), c.Count)).OrderBy(o => o.Label, collation)];

        return new CatalogueResult(
            [.. sorted.Skip((page - 1) * query.PageSize).Take(query.PageSize)],
            all.Count,
            page,
            pageCount,
            ByLabel(sectors, code => current.SectorLabels.GetValueOrDefault(code) ?? code),
            [.. yearCounts.Select(c => new FacetOption(c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Value.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Count)).OrderByDescending(o => int.Parse(o.Value, System.Globalization.CultureInfo.InvariantCulture))],
            ByLabel(markets, market => current.MarketLabels[market]),
            ByLabel(areas, area => current.AreaLabels[area] ?? area),
            top10Count,
            validCount);
    }

    /// <summary>Accents, case and đ folded: what buyers type without Vietnamese accents matches.</summary>
    public static string Fold(string text) => VietnameseText.FoldAccents(text).ToLowerInvariant();

    /// <summary>The entries of the current snapshot and registry, built once per generation of either.</summary>
    private CatalogueEntries Current(string culture)
    {
        var snapshot = snapshots.Current;
        var awards = registry.Current;
        var key = (snapshot.Generation, awards.Generation, culture);
        if (_entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var built = new CatalogueEntries(Build(snapshot, awards, culture));
        foreach (var stale in _entries.Keys.Where(k => k.Item3 == culture && k != key))
        {
            _entries.TryRemove(stale, out _);
        }

        return _entries.GetOrAdd(key, built);
    }

    private List<CatalogueEntry> Build(PublishedSnapshot snapshot, RegistrySnapshot awards, string culture)
    {
        var entries = new List<CatalogueEntry>();
        foreach (var document in snapshot.OfType("product"))
        {
            if (models.Create(document, culture, snapshot) is not ProductPage { Url: { } url } product)
            {
                continue;
            }

            var enterprise = product.Enterprise;
            var sector = product.Sector;
            var productAwards = awards.ForProduct(product.Key).ToList();
            var sectorCode = sector?.Code ?? productAwards.FirstOrDefault()?.SectorCode ?? "";
            var markets = enterprise?.ExportMarkets ?? [];
            entries.Add(new CatalogueEntry(
                product.Key,
                product.Id,
                product.Name,
                product.Summary,
                url,
                product.ImageKeys.Count > 0 ? product.ImageKeys[0] : null,
                enterprise?.Key ?? product.EnterpriseKey,
                enterprise?.Name ?? (productAwards.Count > 0 ? productAwards[0].EnterpriseName(culture) : ""),
                enterprise?.Url,
                sectorCode,
                sector?.Name ?? sectorCode,
                enterprise?.Area,
                enterprise?.AreaLabel,
                markets,
                markets.Zip(enterprise?.ExportMarketLabels ?? []).ToDictionary(p => p.First, p => p.Second),
                [.. productAwards.Select(a => a.Year).Distinct().OrderDescending()],
                [.. productAwards.Where(a => a.Top10).Select(a => a.Year).Distinct().OrderDescending()],
                productAwards.Count == 0 ? null : productAwards.Max(a => a.ValidUntil),
                Fold($"{product.Name} {enterprise?.Name} {product.Summary} {sector?.Name} {string.Join(' ', productAwards.Select(a => a.ProductName("vi") + " " + a.ProductName("en")))}"),
                product.IsFallback,
                NameRank: 0));
        }

        var collation = formatter.Collation(culture);
        return [.. entries.OrderBy(e => e.Name, collation).Select((e, rank) => e with { NameRank = rank })];
    }
}

/// <summary>
/// A generation's entries and the labels its filters show: a sector's, market's or area's label is the one the first
/// entry having it carries (entries are in alphabetical order).
/// </summary>
internal sealed class CatalogueEntries
{
    public CatalogueEntries(IReadOnlyList<CatalogueEntry> entries)
    {
        Entries = entries;
        foreach (var entry in entries)
        {
            SectorLabels.TryAdd(entry.SectorCode, entry.SectorName);
            foreach (var market in entry.Markets)
            {
                MarketLabels.TryAdd(market, entry.MarketLabels[market]);
            }

            if (entry.Area is { } area)
            {
                AreaLabels.TryAdd(area, entry.AreaLabel);
            }
        }
    }

    public IReadOnlyList<CatalogueEntry> Entries { get; }

    public Dictionary<string, string> SectorLabels { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> MarketLabels { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string?> AreaLabels { get; } = new(StringComparer.Ordinal);
}

/// <summary>How many entries have each value of a facet, in the order the values were first met (the order ties keep once sorted).</summary>
internal sealed class FacetCounts<T> : IEnumerable<(T Value, int Count)>
    where T : notnull
{
    private readonly Dictionary<T, int> _positions = [];
    private readonly List<(T Value, int Count)> _counts = [];

    public void Add(T value)
    {
        if (_positions.TryGetValue(value, out var position))
        {
            _counts[position] = (value, _counts[position].Count + 1);
        }
        else
        {
            _positions[value] = _counts.Count;
            _counts.Add((value, 1));
        }
    }

    public IEnumerator<(T Value, int Count)> GetEnumerator() => _counts.GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

public enum CatalogueSort
{
    Name,
    Newest,

    /// <summary>Best match to the text first (the default when there is text); by name when there is none.</summary>
    Relevance,
}

/// <summary>
/// The catalogue's filters, as read from the query string (unknown values simply match nothing). <paramref name="Top10"/>
/// with a <paramref name="Year"/> means Top 10 in that year.
/// </summary>
/// <param name="TextMatches">
/// The products the site's search index matches for <paramref name="Text"/>, with their scores: the same accent-,
/// typo- and plural-forgiving matching as the search page. Null while the index is not built yet; the catalogue then
/// matches the folded text itself.
/// </param>
public sealed record CatalogueQuery(
    string? Sector = null,
    int? Year = null,
    bool Top10 = false,
    bool ValidOnly = false,
    string? Market = null,
    string? Area = null,
    string? Text = null,
    CatalogueSort Sort = CatalogueSort.Name,
    int Page = 1,
    int PageSize = ProductCatalogue.PageSize,
    IReadOnlyDictionary<Guid, float>? TextMatches = null)
{
    public bool HasFilters => Sector is not null || Year is not null || Top10 || ValidOnly || Market is not null || Area is not null || !string.IsNullOrWhiteSpace(Text);
}

public sealed record CatalogueEntry(
    Guid Key,
    int DocumentId,
    string Name,
    string? Summary,
    string Url,
    Guid? ImageKey,
    Guid? EnterpriseKey,
    string EnterpriseName,
    string? EnterpriseUrl,
    string SectorCode,
    string SectorName,
    string? Area,
    string? AreaLabel,
    IReadOnlyList<string> Markets,
    IReadOnlyDictionary<string, string> MarketLabels,
    IReadOnlyList<int> AwardYears,
    IReadOnlyList<int> Top10Years,
    DateOnly? ValidUntil,
    string SearchText,
    bool IsFallback,
    int NameRank)
{
    public int? LatestYear => AwardYears.Count > 0 ? AwardYears[0] : null;
}

public sealed record FacetOption(string Value, string Label, int Count);

public sealed record CatalogueResult(
    IReadOnlyList<CatalogueEntry> Items,
    int Total,
    int Page,
    int PageCount,
    IReadOnlyList<FacetOption> Sectors,
    IReadOnlyList<FacetOption> Years,
    IReadOnlyList<FacetOption> Markets,
    IReadOnlyList<FacetOption> Areas,
    int Top10Count,
    int ValidCount);
