using System.Collections.Concurrent;
using Spcncl.Published;
using Spcncl.Published.Models;
using Spcncl.Registry;
using Spcncl.Site.Rendering;

namespace Spcncl.Site.Pages;

/// <summary>
/// The home page: its own content, then what is current: the open call for participation and its deadline, the latest
/// news, what is coming up (with the days left to the next trade fair), and the Top 10 of the latest recognised year.
/// Everything comes from the published snapshot and the registry in memory; which pages each list holds, and in which
/// order, is worked out once per snapshot (and registry), so a request only applies the clock and makes the cards.
/// </summary>
public sealed class HomeHandler(PublicityLinks links, ProductCatalogue catalogue, CatalogueLinks catalogueLinks, AwardRegistry registry, NewsListHandler news, PublishedModelFactory models) : IPageHandler
{
    public const int NewsCount = 4;
    public const int EventCount = 3;
    private const int CallCount = 2;

    private readonly PerSnapshot<HomeLists?> _lists = new((snapshot, culture) =>
        snapshot.Home is { } home && models.Create(home, culture, snapshot) is HomePage page ? HomeLists.Of(page) : null);

    private readonly ConcurrentDictionary<string, Top10Entries> _top10 = new(StringComparer.Ordinal);

    public string DocumentType => "home";

    public PageOutcome? Render(PageRequest request)
    {
        if (request.SubPath.Count > 0)
        {
            return null;
        }

        var page = (HomePage)request.Page;
        var lists = page.Document == page.Snapshot.Home ? _lists.Get(page.Snapshot, page.Culture)! : HomeLists.Of(page);
        var now = links.Now;

        // The current call: an invitation form whose deadline has not passed (the latest year's first).
        var calls = lists.InvitationsByYear.Where(d => links.IsOpen(d.Deadline)).Take(CallCount).Select(d => links.Document(d.Page)).ToList();
        var upcoming = lists.EventsByStart.Where(e => e.End >= now).ToList();
        var fair = upcoming.FirstOrDefault(e => e.IsTradeFair);

        var (top10Year, top10) = Top10(request.Culture);
        var view = new HomeView(
            page,
            lists.KeyFigures,
            lists.FeaturedPages,
            lists.SectorList,
            lists.Sectors,
            calls,
            [.. lists.LatestNews.Select(links.News)],
            lists.NewsList?.Url,
            [.. upcoming.Take(EventCount).Select(e => links.Event(e.Page))],
            lists.EventList?.Url,
            fair is null ? null : links.Countdown(fair.Page, now),
            top10Year,
            top10,
            lists.RegistryUrl is null || top10Year is null ? null : $"{lists.RegistryUrl}/{top10Year}");
        return new RenderView("~/Views/Pages/Home.cshtml", view, Head: lists.NewsList is null ? null : new PageHead(Feeds: news.Feeds(lists.NewsList)));
    }

    /// <summary>The Top 10 of the latest year that has them, as product cards in the visitor's language.</summary>
    private (int? Year, IReadOnlyList<ProductCard> Cards) Top10(string culture)
    {
        var entries = catalogue.Entries(culture);
        var awards = registry.Current;
        if (!_top10.TryGetValue(culture, out var top10) || top10.From != entries || top10.Awards != awards)
        {
            top10 = Top10Entries.Of(entries, awards);
            _top10[culture] = top10;
        }

        // Cards are made per request: the image comes from the media library, which changes without a new snapshot.
        return (top10.Year, [.. top10.Entries.Select(catalogueLinks.Card)]);
    }

    /// <summary>
    /// What the home page shows from the snapshot alone: its key figures, the pages it features, the sectors, and the
    /// pages it lists from its children in the order it shows them (the clock filters those per request).
    /// </summary>
    private sealed record HomeLists(
        IReadOnlyList<KeyValueItem> KeyFigures,
        IReadOnlyList<PageTeaser> FeaturedPages,
        PageTeaser? SectorList,
        IReadOnlyList<PageTeaser> Sectors,
        NewsListPage? NewsList,
        IReadOnlyList<NewsItemPage> LatestNews,
        EventListPage? EventList,
        IReadOnlyList<HomeEvent> EventsByStart,
        IReadOnlyList<HomeDocument> InvitationsByYear,
        string? RegistryUrl)
    {
        public static HomeLists Of(HomePage page)
        {
            var children = page.Children.ToList();
            var newsList = children.OfType<NewsListPage>().FirstOrDefault();
            var eventList = children.OfType<EventListPage>().FirstOrDefault();
            var library = children.OfType<DocumentLibraryPage>().FirstOrDefault();
            var sectorList = children.OfType<SectorListPage>().FirstOrDefault();
            return new HomeLists(
                page.KeyFigures,
                [.. page.FeaturedPages.Select(p => new PageTeaser(p.Name, p.Url, p.Teaser))],
                sectorList is null ? null : new PageTeaser(sectorList.Name, sectorList.Url, null),
                [.. (sectorList?.Sectors ?? []).Select(s => new PageTeaser(s.Name, s.Url, s.Summary))],
                newsList,
                [.. (newsList?.Items ?? []).Take(NewsCount)],
                eventList,
                [.. (eventList?.Events ?? []).Select(e => new HomeEvent(e, e.Start, e.End, PublicityLinks.IsTradeFair(e))).OrderBy(e => e.Start)],
                [.. (library?.Documents ?? []).Where(d => d.Kind == "invitationForm").OrderByDescending(d => d.Year).Select(d => new HomeDocument(d, d.Deadline))],
                children.OfType<AwardRegistryPage>().FirstOrDefault()?.Url);
        }
    }

    /// <summary>An event with its dates read once: the home page filters them by the clock at every request.</summary>
    private sealed record HomeEvent(EventPage Page, DateTimeOffset Start, DateTimeOffset End, bool IsTradeFair);

    private sealed record HomeDocument(DocumentPage Page, DateOnly? Deadline);

    /// <summary>The catalogue entries of the latest year's Top 10, for the catalogue entries and registry they were picked from.</summary>
    private sealed record Top10Entries(IReadOnlyList<CatalogueEntry> From, RegistrySnapshot Awards, int? Year, IReadOnlyList<CatalogueEntry> Entries)
    {
        public static Top10Entries Of(IReadOnlyList<CatalogueEntry> entries, RegistrySnapshot awards)
        {
            var year = awards.Cycles.Where(c => c.Status == CycleStatus.Recognised).Select(c => c.Year).OrderDescending()
                .FirstOrDefault(y => awards.ForYear(y).Any(a => a.Top10));
            if (year == 0)
            {
                return new Top10Entries(entries, awards, null, []);
            }

            var keys = awards.ForYear(year).Where(a => a.Top10).Select(a => a.ProductKey).ToHashSet();
            return new Top10Entries(entries, awards, year, [.. entries.Where(e => keys.Contains(e.Key))]);
        }
    }
}
