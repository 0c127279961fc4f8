using System.Globalization;
using Spcncl.Localization;
using Spcncl.Published;
using Spcncl.Published.Models;
using Spcncl.Registry;
using Spcncl.Search;

namespace Spcncl.Site.Pages;

/// <summary>
/// The search page: <c>?q=</c> with a tab per kind (<c>type</c>), facets (<c>sector</c>, <c>year</c>, <c>top10</c>,
/// <c>lang</c>) and <c>page</c>. Values it does not know are ignored; anything typed is only ever text.
/// </summary>
public sealed class SearchHandler(SearchService search, PublishedSnapshotService snapshots, PublishedModelFactory models, SiteCultures cultures, SiteText text) : IPageHandler
{
    public const int PageSize = 10;

    /// <summary>The tabs, in order.</summary>
    public static readonly IReadOnlyList<SearchKind> Tabs = [SearchKind.Product, SearchKind.Enterprise, SearchKind.News, SearchKind.Event, SearchKind.Document, SearchKind.Page];

    public string DocumentType => "searchPage";

    public PageOutcome? Render(PageRequest request)
    {
        if (request.SubPath.Count > 0)
        {
            return null;
        }

        var page = (SearchPage)request.Page;
        var query = request.Query;
        var kind = SearchFields.ParseKind(query["type"]);
        var sectors = Sectors(request.Culture);
        var searchRequest = new SearchRequest(
            query["q"].ToString(),
            request.Culture,
            kind is { } k ? [k] : null,
            sectors.ContainsKey(query["sector"].ToString()) ? query["sector"].ToString() : null,
            int.TryParse(query["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= RegistryOptions.FirstYear and <= 2100 ? year : null,
            ProductCatalogueHandler.Flag(query["top10"]),
            cultures.IsSupported(query["lang"]) ? query["lang"].ToString() : null,
            int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 10_000 ? number : 1,
            PageSize);
        var results = search.Search(searchRequest);
        var url = page.Url!;
        string Link(string name, string? value) => ProductCatalogueHandler.Link(url, query, name, value);

        var all = results.Facets.Kinds.Values.Sum();
        var tabs = new List<FilterLink> { new(text["Search.All"], Link("type", null), all, kind is null) };
        tabs.AddRange(Tabs.Where(t => results.Facets.Kinds.ContainsKey(SearchFields.KindValue(t)) || t == kind)
            .Select(t => new FilterLink(text[$"Search.Kind.{t}"], Link("type", SearchFields.KindValue(t)), results.Facets.Kinds.GetValueOrDefault(SearchFields.KindValue(t)), t == kind)));

        List<FilterLink> Facet(string name, IReadOnlyDictionary<string, int> counts, Func<string, string> label, string? selected, bool byLabel) =>
            [.. counts.Select(c => new FilterLink(label(c.Key), Link(name, selected == c.Key ? null : c.Key), c.Value, selected == c.Key))
                .OrderBy(f => byLabel ? f.Label : "", StringComparer.Create(cultures.Get(request.Culture).Info, ignoreCase: true))
                .ThenByDescending(f => byLabel ? "" : f.Label, StringComparer.Ordinal)];

        var pages = Enumerable.Range(1, results.PageCount)
            .Where(n => n == 1 || n == results.PageCount || Math.Abs(n - results.Page) <= 2)
            .Select(n => new FilterLink(n.ToString(CultureInfo.InvariantCulture), Link("page", n == 1 ? null : n.ToString(CultureInfo.InvariantCulture)), n, n == results.Page))
            .ToList();
        var view = new SearchView(
            page,
            searchRequest.Text?.Trim() ?? "",
            results,
            tabs,
            [
                new FacetLinks("facet-sector", text["Catalogue.Sector"], Facet("sector", results.Facets.Sectors, code => sectors.GetValueOrDefault(code) ?? code, searchRequest.Sector, byLabel: true)),
                new FacetLinks("facet-year", text["Catalogue.Year"], Facet("year", results.Facets.Years, y => y, searchRequest.Year?.ToString(CultureInfo.InvariantCulture), byLabel: false)),
                new FacetLinks("facet-language", text["Search.Language"], Facet("lang", results.Facets.Languages, c => cultures.TryGet(c, out var culture) ? culture.NativeName : c, searchRequest.Language, byLabel: true)),
                new FacetLinks("facet-top10", text["Award.Top10"], results.Facets.Top10 > 0 || searchRequest.Top10
                    ? [new FilterLink(text["Award.Top10"], Link("top10", searchRequest.Top10 ? null : "true"), results.Facets.Top10, searchRequest.Top10)]
                    : []),
            ],
            results.DidYouMean is { } suggestion ? ProductCatalogueHandler.Link(url, QueryOf([]), "q", suggestion) : null,
            pages,
            results.Page > 1 ? Link("page", (results.Page - 1).ToString(CultureInfo.InvariantCulture)) : null,
            results.Page < results.PageCount ? Link("page", (results.Page + 1).ToString(CultureInfo.InvariantCulture)) : null);

        // A results page is for the visitor, not for search engines.
        return new RenderView("~/Views/Pages/Search.cshtml", view, NoIndex: query.Count > 0);
    }

    private Dictionary<string, string> Sectors(string culture)
    {
        var snapshot = snapshots.Current;
        return snapshot.OfType("sector").Select(d => models.Create(d, culture, snapshot)).OfType<SectorPage>()
            .Where(s => s.Code.Length > 0)
            .ToDictionary(s => s.Code, s => s.Name, StringComparer.Ordinal);
    }

    private static QueryCollection QueryOf(Dictionary<string, Microsoft.Extensions.Primitives.StringValues> values) => new(values);
}

/// <param name="DidYouMeanUrl">The same search with the suggested words, when nothing matched.</param>
public sealed record SearchView(
    SearchPage Page,
    string Text,
    SearchResults Results,
    IReadOnlyList<FilterLink> Tabs,
    IReadOnlyList<FacetLinks> Facets,
    string? DidYouMeanUrl,
    IReadOnlyList<FilterLink> Pages,
    string? PreviousPage,
    string? NextPage)
{
    public bool HasQuery => Text.Length > 0;
}

/// <summary>One facet of the search page: its heading and its values as links that add or remove the filter.</summary>
public sealed record FacetLinks(string Id, string Title, IReadOnlyList<FilterLink> Links);
