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

    private readonly ConcurrentDictionary<(long, long, string), IReadOnlyList<CatalogueEntry>> _entries = new();

    /// <summary>Every product page in the culture with what the catalogue filters on.</summary>
    public IReadOnlyList<CatalogueEntry> Entries(string culture)
    {
        var snapshot = snapshots.Current;
        var awards = registry.Current;
        var key = (snapshot.Generation, awards.Generation, culture);
        if (_entries.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var built = Build(snapshot, awards, culture);
        foreach (var stale in _entries.Keys.Where(k => k.Item3 == culture && k != key))
        {
            _entries.TryRemove(stale, out _);
        }

        return _entries.GetOrAdd(key, built);
    }

    public CatalogueResult Search(CatalogueQuery query, string culture)
    {
        var entries = Entries(culture);
        var today = registry.Today;
        var text = string.IsNullOrWhiteSpace(query.Text) ? null : Fold(query.Text);
        var matches = text is null ? null : query.TextMatches;

        // "Top 10" with a year means Top 10 in that year, not Top 10 once and recognised that year: with Top 10 on, the
        // year filter and its counts look at the Top 10 years, and the Top 10 count with a year counts that year's.
        bool Top10(CatalogueEntry e) => query.Year is { } year ? e.Top10Years.Contains(year) : e.Top10Years.Count > 0;
        IReadOnlyList<int> Years(CatalogueEntry e) => query.Top10 ? e.Top10Years : e.AwardYears;
        bool Matches(CatalogueEntry e, string? skip) =>
            (skip == "sector" || query.Sector is null || e.SectorCode == query.Sector)
            && (skip == "year" || query.Year is null || Years(e).Contains(query.Year.Value))
            && (skip == "top10" || !query.Top10 || e.Top10Years.Count > 0)
            && (skip == "valid" || !query.ValidOnly || e.ValidUntil is { } until && until >= today)
            && (skip == "market" || query.Market is null || e.Markets.Contains(query.Market))
            && (skip == "area" || query.Area is null || e.Area == query.Area)
            && (text is null || (matches?.ContainsKey(e.Key) ?? e.SearchText.Contains(text, StringComparison.Ordinal)));

        // Entries are kept in the culture's alphabetical order, so sorting by name is free and "newest" needs only ints.
        var matching = entries.Where(e => Matches(e, null));
        if (query.Sort == CatalogueSort.Newest)
        {
            matching = matching.OrderByDescending(e => e.LatestYear ?? 0).ThenBy(e => e.NameRank);
        }
        else if (query.Sort == CatalogueSort.Relevance && matches is not null)
        {
            matching = matching.OrderByDescending(e => matches[e.Key]).ThenBy(e => e.NameRank);
        }

        var all = matching.ToList();
        var pageCount = Math.Max(1, (all.Count + query.PageSize - 1) / query.PageSize);
        var page = Math.Clamp(query.Page, 1, pageCount);

        List<FacetOption> Count(string facet, Func<CatalogueEntry, IEnumerable<string>> values, Func<string, string> label, bool sortByLabel) =>
            [.. entries.Where(e => Matches(e, facet))
                .SelectMany(values)
                .GroupBy(v => v)
                .Select(g => new FacetOption(g.Key, label(g.Key), g.Count()))
                .OrderBy(o => sortByLabel ? o.Label : "", formatter.Collation(culture))
                .ThenByDescending(o => sortByLabel ? 0 : int.Parse(o.Value, System.Globalization.CultureInfo.InvariantCulture))];

        var labels = entries.GroupBy(e => e.SectorCode).ToDictionary(g => g.Key, g => g.First().SectorName);
        return new CatalogueResult(
            [.. all.Skip((page - 1) * query.PageSize).Take(query.PageSize)],
            all.Count,
            page,
            pageCount,
            Count("sector", e => [e.SectorCode], code => labels.GetValueOrDefault(code) ?? code, sortByLabel: true),
            Count("year", e => Years(e).Select(y => y.ToString(System.Globalization.CultureInfo.InvariantCulture)), y => y, sortByLabel: false),
            Count("market", e => e.Markets, m => entries.First(x => x.Markets.Contains(m)).MarketLabels[m], sortByLabel: true),
            Count("area", e => e.Area is null ? [] : [e.Area], a => entries.First(x => x.Area == a).AreaLabel ?? a, sortByLabel: true),
            entries.Count(e => Matches(e, "top10") && Top10(e)),
            entries.Count(e => Matches(e, "valid") && e.ValidUntil is { } until && until >= today));
    }

    /// <summary>Accents, case and đ folded: what buyers type without Vietnamese accents matches.</summary>
    public static string Fold(string text) => VietnameseText.FoldAccents(text).ToLowerInvariant();

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
