using Spcncl.Forms;
using Spcncl.Media;
using Spcncl.Published.Models;
using Spcncl.Publicity;

namespace Spcncl.Site.Pages;

// View models of the news, events and documents pages and of the home page's sections. Handlers build them; views only print them.

/// <summary>An item of a news list: what a card shows.</summary>
public sealed record NewsCard(string Title, string Url, string Summary, string Category, string CategoryLabel, DateTimeOffset Date, MediaItem? Image, string? ImageAlt, bool IsFallback);

public sealed record NewsListView(
    NewsListPage Page,
    IReadOnlyList<NewsCard> Items,
    int Total,
    IReadOnlyList<FilterLink> Categories,
    string? Tag,
    string? ClearTagUrl,
    IReadOnlyList<FilterLink> Pages,
    string? PreviousPage,
    string? NextPage,
    IReadOnlyList<Spcncl.Site.Rendering.FeedLink> Feeds);

/// <summary>What every news item's page shows around its own content.</summary>
public sealed record NewsItemParts(
    string CategoryLabel,
    string CategoryUrl,
    MediaItem? Cover,
    string? CoverAlt,
    IReadOnlyList<FilterLink> Tags,
    IReadOnlyList<NewsCard> Related,
    string JsonLd);

public sealed record NewsArticleView(NewsArticlePage Page, NewsItemParts Parts);

/// <param name="Captions">Caption files by culture, the page's own first.</param>
/// <param name="PosterUrl">The poster at the player's size (a signed image URL).</param>
public sealed record BroadcastReportView(BroadcastReportPage Page, NewsItemParts Parts, MediaItem? Video, MediaItem? Poster, string? PosterUrl, IReadOnlyList<(string Culture, string Label, MediaItem File)> Captions);

/// <param name="IsOpen">Comments are taken now (the deadline has not passed).</param>
public sealed record AnnouncementView(AnnouncementPage Page, NewsItemParts Parts, bool IsOpen, PublicFormView<CommentInput>? Form, IReadOnlyList<DocumentCard> Documents);

/// <summary>A public form as drawn: what was typed (kept when refused), the messages per field, where it posts.</summary>
public sealed record PublicFormView<TInput>(TInput Input, IReadOnlyDictionary<string, string> Errors, string Action)
{
    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    public string? FormError => Errors.GetValueOrDefault(FormErrors.FormLevel);

    public bool HasErrors => Errors.Count > 0;
}

public sealed record FormSentView(PublishedPage Page, string Title, string Text, string BackLabel);

/// <summary>An event in a list or on the home page.</summary>
public sealed record EventCard(string Title, string Url, string TypeLabel, string Summary, DateTimeOffset Start, DateTimeOffset End, string? Venue, MediaItem? Image, bool IsFallback);

/// <summary>How many days until the next trade fair opens (0: it opens today or is on).</summary>
public sealed record FairCountdown(EventCard Fair, int Days, bool IsOn);

public sealed record EventListView(
    EventListPage Page,
    IReadOnlyList<EventCard> Upcoming,
    IReadOnlyList<(int Year, IReadOnlyList<EventCard> Events)> Past,
    IReadOnlyList<FilterLink> Types,
    FairCountdown? Countdown,
    string CalendarUrl);

public sealed record Exhibitor(string Booth, string Name, string? Url, MediaItem? Logo);

public sealed record EventView(
    EventPage Page,
    MediaItem? Cover,
    bool IsPast,
    bool IsOn,
    string CalendarUrl,
    bool RegistrationOpen,
    PublicFormView<RegistrationInput>? Form,
    IReadOnlyList<Exhibitor> Exhibitors,
    string JsonLd);

/// <summary>One file of a document: its language, format, size and stable download address.</summary>
public sealed record DownloadLink(string Culture, string LanguageName, string Format, long Bytes, string Url);

public sealed record DocumentCard(string Title, string Url, string KindLabel, int Year, string? Summary, DateOnly? Deadline, string? DeadlineLabel, bool DeadlineOpen, IReadOnlyList<DownloadLink> Downloads, bool IsFallback);

public sealed record DocumentLibraryView(
    DocumentLibraryPage Page,
    IReadOnlyList<DocumentCard> Open,
    IReadOnlyList<DocumentCard> Documents,
    IReadOnlyList<FilterLink> Kinds,
    IReadOnlyList<FilterLink> Years,
    string ClearUrl,
    bool Filtered);

public sealed record DocumentView(DocumentPage Page, DocumentCard Card);

/// <summary>The home page: its own content, then what is current in the programme.</summary>
public sealed record HomeView(
    HomePage Page,
    IReadOnlyList<KeyValueItem> KeyFigures,
    IReadOnlyList<PageTeaser> FeaturedPages,
    PageTeaser? SectorList,
    IReadOnlyList<PageTeaser> Sectors,
    IReadOnlyList<DocumentCard> OpenCalls,
    IReadOnlyList<NewsCard> News,
    string? NewsUrl,
    IReadOnlyList<EventCard> Events,
    string? EventsUrl,
    FairCountdown? Countdown,
    int? Top10Year,
    IReadOnlyList<ProductCard> Top10,
    string? Top10Url);

/// <summary>A page as a card on another page: its name, its address and a sentence or two.</summary>
public sealed record PageTeaser(string Name, string? Url, string? Summary);

/// <summary>The links to the pages of a long list; <see cref="Label"/> names the navigation for screen readers.</summary>
public sealed record PagerView(IReadOnlyList<FilterLink> Pages, string? Previous, string? Next, string Label)
{
    public int Current => Pages.FirstOrDefault(p => p.Active)?.Count ?? 1;
}
