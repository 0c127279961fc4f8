using Spcncl.Localization;
using Spcncl.Media;
using Spcncl.Published;
using Spcncl.Published.Models;

namespace Spcncl.Site.Pages;

/// <summary>Turns news items, events and documents into the cards the lists, the home page and the search show.</summary>
public sealed class PublicityLinks(MediaIndex media, SiteCultures cultures, SiteText text, TimeProvider clock)
{
    public static readonly IReadOnlyList<string> Categories = ["news", "announcement", "pressRelease", "broadcast"];

    public const string DownloadSegment = "download";

    public DateTimeOffset Now => clock.GetUtcNow();

    /// <summary>Today in Hanoi: deadlines are dates there.</summary>
    public DateOnly Today => DateOnly.FromDateTime(CultureFormatter.ToSiteTime(Now));

    public string CategoryLabel(string category) => text[$"News.Category.{category}"];

    public NewsCard News(NewsItemPage item)
    {
        var image = item.CoverImageKey is { } key ? media.Get(key) : null;
        return new NewsCard(item.Name, item.Url!, item.Summary, item.Category, CategoryLabel(item.Category), item.PublishDate, image, item.CoverAlt, item.IsFallback);
    }

    public EventCard Event(EventPage page) =>
        new(page.Name, page.Url!, page.EventTypeLabel ?? page.EventType, page.Summary, page.Start, page.End, page.Venue, page.CoverImageKey is { } key ? media.Get(key) : null, page.IsFallback);

    public bool IsOpen(DocumentPage page) => IsOpen(page.Deadline);

    /// <summary>Whether a document's deadline (a date in Hanoi) has not passed.</summary>
    public bool IsOpen(DateOnly? deadline) => deadline is { } date && date >= Today;

    public DocumentCard Document(DocumentPage page) =>
        new(page.Name, page.Url!, page.KindLabel ?? page.Kind, page.Year, page.Summary, page.Deadline, page.DeadlineLabel, IsOpen(page), Downloads(page), page.IsFallback);

    /// <summary>
    /// Every file of a document, the page's language first: <c>{page}/download/{culture}.{format}</c>, an address that
    /// stays the same when the file is replaced by a newer one of the same format.
    /// </summary>
    public IReadOnlyList<DownloadLink> Downloads(DocumentPage page) =>
        [.. Files(page)
            .OrderBy(f => f.Culture == page.Culture ? 0 : 1)
            .Select(f => new DownloadLink(f.Culture, cultures.Get(f.Culture).NativeName, f.Item.Extension.ToUpperInvariant(), f.Item.Bytes, $"{page.Url}/{DownloadSegment}/{f.Culture}.{f.Item.Extension}"))];

    /// <summary>The media items behind a document, per culture (file and alternate format), that exist in the library.</summary>
    public IEnumerable<(string Culture, MediaItem Item)> Files(DocumentPage page)
    {
        foreach (var culture in cultures.Codes)
        {
            foreach (var key in new[] { page.FileIn(culture), page.AlternateFileIn(culture) })
            {
                if (key is { } k && media.Get(k) is { } item)
                {
                    yield return (culture, item);
                }
            }
        }
    }

    /// <summary>Days until the next trade fair among <paramref name="events"/> (already in the visitor's culture), if one is coming.</summary>
    public FairCountdown? Countdown(IEnumerable<EventPage> events)
    {
        var now = Now;
        var fair = events.Where(e => IsTradeFair(e) && e.End >= now).OrderBy(e => e.Start).FirstOrDefault();
        return fair is null ? null : Countdown(fair, now);
    }

    /// <summary>The countdown shows trade fairs only (the earliest to start of those that have not ended).</summary>
    public static bool IsTradeFair(EventPage page) => page.EventType == "tradeFair";

    /// <summary>Days until <paramref name="fair"/> opens, or that it is on.</summary>
    public FairCountdown Countdown(EventPage fair, DateTimeOffset now)
    {
        var today = CultureFormatter.ToSiteTime(now).Date;
        var opens = CultureFormatter.ToSiteTime(fair.Start).Date;
        return new FairCountdown(Event(fair), Math.Max(0, (opens - today).Days), fair.Start <= now);
    }

    public MediaItem? MediaItem(Guid? key) => key is { } k ? media.Get(k) : null;
}
