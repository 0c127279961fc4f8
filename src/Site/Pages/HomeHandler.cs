using Spcncl.Published.Models;
using Spcncl.Registry;
using Spcncl.Site.Rendering;

namespace Spcncl.Site.Pages;

/// <summary>
/// The home page: its own content, then what is current: the open call for participation and its deadline, the latest
/// news, what is coming up (with the days left to the next trade fair), and the Top 10 of the latest recognised year.
/// Everything comes from the published snapshot and the registry in memory.
/// </summary>
public sealed class HomeHandler(PublicityLinks links, ProductCatalogue catalogue, CatalogueLinks catalogueLinks, AwardRegistry registry, NewsListHandler news) : IPageHandler
{
    public const int NewsCount = 4;
    public const int EventCount = 3;

    public string DocumentType => "home";

    public PageOutcome? Render(PageRequest request)
    {
        if (request.SubPath.Count > 0)
        {
            return null;
        }

        var page = (HomePage)request.Page;
        var children = page.Children.ToList();
        var newsList = children.OfType<NewsListPage>().FirstOrDefault();
        var eventList = children.OfType<EventListPage>().FirstOrDefault();
        var library = children.OfType<DocumentLibraryPage>().FirstOrDefault();
        var events = eventList?.Events.ToList() ?? [];
        var now = links.Now;

        // The current call: an invitation form whose deadline has not passed (the latest year's first).
        var calls = (library?.Documents ?? [])
            .Where(d => d.Kind == "invitationForm" && links.IsOpen(d))
            .OrderByDescending(d => d.Year)
            .Take(2)
            .Select(links.Document)
            .ToList();

        var (top10Year, top10) = Top10(request.Culture);
        var registryUrl = children.OfType<AwardRegistryPage>().FirstOrDefault()?.Url;
        var view = new HomeView(
            page,
            calls,
            [.. (newsList?.Items ?? []).Take(NewsCount).Select(links.News)],
            newsList?.Url,
            [.. events.Where(e => e.End >= now).OrderBy(e => e.Start).Take(EventCount).Select(links.Event)],
            eventList?.Url,
            links.Countdown(events),
            top10Year,
            top10,
            registryUrl is null || top10Year is null ? null : $"{registryUrl}/{top10Year}");
        return new RenderView("~/Views/Pages/Home.cshtml", view, Head: newsList is null ? null : new PageHead(Feeds: news.Feeds(newsList)));
    }

    /// <summary>The Top 10 of the latest year that has them, as product cards in the visitor's language.</summary>
    private (int? Year, IReadOnlyList<ProductCard> Cards) Top10(string culture)
    {
        var awards = registry.Current;
        var year = awards.Cycles.Where(c => c.Status == CycleStatus.Recognised).Select(c => c.Year).OrderDescending()
            .FirstOrDefault(y => awards.ForYear(y).Any(a => a.Top10));
        if (year == 0)
        {
            return (null, []);
        }

        var keys = awards.ForYear(year).Where(a => a.Top10).Select(a => a.ProductKey).ToHashSet();
        var cards = catalogue.Entries(culture).Where(e => keys.Contains(e.Key)).Select(catalogueLinks.Card).ToList();
        return (year, cards);
    }
}
