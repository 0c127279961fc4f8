using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Spcncl.Forms;
using Spcncl.Localization;
using Spcncl.Media;
using Spcncl.Published;
using Spcncl.Published.Models;
using Spcncl.Publicity;
using Spcncl.Site.Rendering;

namespace Spcncl.Site.Pages;

/// <summary>
/// The news list (<c>/vi/tin-tuc</c>, <c>/en/news</c>): the items of the visitor's language, newest first, 12 a page,
/// filtered by <c>category</c> and <c>tag</c>; and its feeds, <c>rss.xml</c> and <c>atom.xml</c>. Untranslated items
/// are left out of English lists and feeds (the culture rule), unless their type falls back.
/// </summary>
public sealed class NewsListHandler(PublicityLinks links, SiteUrls urls, SiteText text) : IPageHandler
{
    public const int PageSize = 12;
    public const string RssSegment = "rss.xml";
    public const string AtomSegment = "atom.xml";

    public bool HasSubPaths => true;

    public string DocumentType => "newsList";

    public PageOutcome? Render(PageRequest request)
    {
        var page = (NewsListPage)request.Page;
        return request.SubPath switch
        {
            [] => List(request, page),
            [RssSegment] => Feed(request, page, atom: false),
            [AtomSegment] => Feed(request, page, atom: true),
            _ => null,
        };
    }

    /// <summary>The feeds of a news list, for the head of the list and of the home page.</summary>
    public IReadOnlyList<FeedLink> Feeds(NewsListPage page) =>
    [
        new(text.Format("News.FeedRss", page.Name), $"{page.Url}/{RssSegment}", "application/rss+xml"),
        new(text.Format("News.FeedAtom", page.Name), $"{page.Url}/{AtomSegment}", "application/atom+xml"),
    ];

    private RenderView List(PageRequest request, NewsListPage page)
    {
        var query = request.Query;
        var category = query["category"].ToString() is var c && PublicityLinks.Categories.Contains(c) ? c : null;
        var items = page.Items;
        var tag = query["tag"].ToString() is { Length: > 0 and <= 100 } t && items.Any(i => i.Tags.Contains(t, StringComparer.Ordinal)) ? t : null;
        var tagged = tag is null ? items : [.. items.Where(i => i.Tags.Contains(tag, StringComparer.Ordinal))];
        var matching = category is null ? tagged : [.. tagged.Where(i => i.Category == category)];

        var pageCount = Math.Max(1, (matching.Count + PageSize - 1) / PageSize);
        var number = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? Math.Min(n, pageCount) : 1;
        var url = page.Url!;
        string Link(string name, string? value) => ProductCatalogueHandler.Link(url, query, name, value);

        var categories = new List<FilterLink> { new(text["News.AllCategories"], Link("category", null), tagged.Count, category is null) };
        categories.AddRange(PublicityLinks.Categories
            .Select(k => new FilterLink(links.CategoryLabel(k), Link("category", k), tagged.Count(i => i.Category == k), k == category))
            .Where(f => f.Count > 0 || f.Active));
        var pages = Enumerable.Range(1, pageCount)
            .Select(p => new FilterLink(p.ToString(CultureInfo.InvariantCulture), Link("page", p == 1 ? null : p.ToString(CultureInfo.InvariantCulture)), p, p == number))
            .ToList();
        var feeds = Feeds(page);
        var view = new NewsListView(
            page,
            [.. matching.Skip((number - 1) * PageSize).Take(PageSize).Select(links.News)],
            matching.Count,
            categories,
            tag,
            tag is null ? null : Link("tag", null),
            pages,
            number > 1 ? Link("page", (number - 1).ToString(CultureInfo.InvariantCulture)) : null,
            number < pageCount ? Link("page", (number + 1).ToString(CultureInfo.InvariantCulture)) : null,
            feeds);
        return new RenderView("~/Views/Pages/NewsList.cshtml", view, NoIndex: query.Count > 0 && !(query.Count == 1 && query.ContainsKey("page")), Head: new PageHead(Feeds: feeds));
    }

    private ActionOutcome Feed(PageRequest request, NewsListPage page, bool atom)
    {
        var http = request.Http.Request;
        var items = page.Items;
        var channel = new FeedChannel(
            $"{page.Name} · {text["Site.ShortName"]}",
            text["News.FeedDescription"],
            urls.Absolute(http, page.Url!),
            urls.Absolute(http, $"{page.Url}/{(atom ? AtomSegment : RssSegment)}"),
            request.Culture,
            text["Site.Owner"],
            items.Count > 0 ? items.Max(i => i.PublishDate) : new DateTimeOffset(page.PublishedUtc));
        var entries = items.Select(i => new FeedItem(i.Key, i.Name, urls.Absolute(http, i.Url!), i.Summary, links.CategoryLabel(i.Category), i.Author, i.PublishDate, new DateTimeOffset(i.PublishedUtc)));
        var xml = atom ? NewsFeed.Atom(channel, entries) : NewsFeed.Rss(channel, entries);
        request.Http.Response.Headers.CacheControl = "public, max-age=300";
        return new ActionOutcome(new ContentResult { Content = xml, ContentType = atom ? "application/atom+xml; charset=utf-8" : "application/rss+xml; charset=utf-8" });
    }
}

/// <summary>
/// What the pages of news articles, broadcast reports and announcements share: the cover, category, tags, related
/// items, Open Graph and Twitter cards, and JSON-LD.
/// </summary>
public sealed class NewsItemPartsBuilder(PublicityLinks links, MediaUrls mediaUrls, SiteUrls urls, SiteText text)
{
    public const int RelatedCount = 3;

    public NewsItemParts For(PageRequest request, NewsItemPage item, Dictionary<string, object?>? extraJsonLd = null, string schemaType = "NewsArticle")
    {
        var http = request.Http.Request;
        var list = item.Parent as NewsListPage;
        var listUrl = list?.Url ?? "/";
        var cover = links.MediaItem(item.CoverImageKey);
        var coverAlt = item.CoverAlt ?? cover?.Alt(item.ContentCulture);
        var related = (list?.Items ?? [])
            .Where(i => i.Id != item.Id)
            .Select(i => (Item: i, Score: (i.Category == item.Category ? 1 : 0) + (2 * i.Tags.Intersect(item.Tags, StringComparer.Ordinal).Count())))
            .Where(r => r.Score > 0)
            .OrderByDescending(r => r.Score)
            .ThenByDescending(r => r.Item.PublishDate)
            .Take(RelatedCount)
            .Select(r => links.News(r.Item))
            .ToList();
        var tags = item.Tags.Select(t => new FilterLink(t, ProductCatalogueHandler.Link(listUrl, new QueryCollection(), "tag", t), 0, false)).ToList();

        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = schemaType,
            ["headline"] = item.Name,
            ["description"] = item.Summary,
            ["url"] = urls.Absolute(http, item.Url!),
            ["mainEntityOfPage"] = urls.Absolute(http, item.Url!),
            ["inLanguage"] = item.ContentCulture,
            ["datePublished"] = CultureFormatter.Iso(item.PublishDate),
            ["dateModified"] = CultureFormatter.Iso(new DateTimeOffset(item.UpdatedUtc)),
            ["image"] = cover is null ? null : new[] { CoverUrl(http, cover) },
            ["keywords"] = item.Tags.Count > 0 ? string.Join(", ", item.Tags) : null,
            ["articleSection"] = links.CategoryLabel(item.Category),
            ["author"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = item.Author ?? text["Site.Owner"] },
            ["publisher"] = new Dictionary<string, object?> { ["@type"] = "GovernmentOrganization", ["name"] = text["Site.Owner"], ["url"] = urls.Absolute(http, "/") },
        };
        foreach (var (key, value) in extraJsonLd ?? [])
        {
            data[key] = value;
        }

        return new NewsItemParts(
            links.CategoryLabel(item.Category),
            ProductCatalogueHandler.Link(listUrl, new QueryCollection(), "category", item.Category),
            cover,
            coverAlt,
            tags,
            related,
            JsonSerializer.Serialize(data.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value)));
    }

    /// <summary>Open Graph and Twitter: the article's title, summary, cover (1200 px wide) and date.</summary>
    public PageHead Head(PageRequest request, NewsItemPage item, NewsItemParts parts) =>
        new(new SocialCard(
            item.Name,
            item.Summary,
            urls.Absolute(request.Http.Request, item.Url!),
            "article",
            parts.Cover is null ? null : CoverUrl(request.Http.Request, parts.Cover),
            parts.CoverAlt,
            item.PublishDate,
            parts.CategoryLabel,
            item.Tags));

    public string CoverUrl(HttpRequest request, MediaItem cover) =>
        urls.Absolute(request, mediaUrls.Image(cover, new ImageCommand(1200, 630, FitMode.Crop, OutputFormat.Jpeg)));
}

public sealed class NewsArticleHandler(NewsItemPartsBuilder parts) : IPageHandler
{
    public string DocumentType => "newsArticle";

    public PageOutcome? Render(PageRequest request)
    {
        if (request.SubPath.Count > 0)
        {
            return null;
        }

        var page = (NewsArticlePage)request.Page;
        var shared = parts.For(request, page);
        return new RenderView("~/Views/Pages/NewsArticle.cshtml", new NewsArticleView(page, shared), Head: parts.Head(request, page, shared));
    }
}

/// <summary>A broadcast report: the self-hosted video with captions in both languages, or a YouTube embed loaded only on request.</summary>
public sealed class BroadcastReportHandler(NewsItemPartsBuilder parts, PublicityLinks links, MediaUrls mediaUrls, SiteUrls urls, SiteCultures cultures) : IPageHandler
{
    public string DocumentType => "broadcastReport";

    public PageOutcome? Render(PageRequest request)
    {
        if (request.SubPath.Count > 0)
        {
            return null;
        }

        var page = (BroadcastReportPage)request.Page;
        var http = request.Http.Request;
        var video = links.MediaItem(page.VideoKey);
        var poster = links.MediaItem(page.PosterKey) ?? links.MediaItem(page.CoverImageKey);
        var captions = page.Captions
            .OrderBy(c => c.Key == page.Culture ? 0 : 1)
            .Select(c => (c.Key, cultures.Get(c.Key).NativeName, links.MediaItem(c.Value)))
            .Where(c => c.Item3 is not null)
            .Select(c => (c.Key, c.NativeName, c.Item3!))
            .ToList();

        // VideoObject: Google wants a thumbnail, an upload date and the video itself (a file or an embed).
        var extra = new Dictionary<string, object?>
        {
            ["name"] = page.Name,
            ["thumbnailUrl"] = poster is null ? null : parts.CoverUrl(http, poster),
            ["uploadDate"] = CultureFormatter.Iso(page.AirDate ?? page.PublishDate),
            ["duration"] = page.DurationSeconds is { } seconds ? System.Xml.XmlConvert.ToString(TimeSpan.FromSeconds(seconds)) : null,
            ["contentUrl"] = video is null ? null : urls.Absolute(http, MediaUrls.Original(video)),
            ["embedUrl"] = page.YoutubeUrl,
            ["transcript"] = page.TranscriptText,
            ["productionCompany"] = page.Broadcaster is { } broadcaster ? new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = broadcaster } : null,
        };
        var shared = parts.For(request, page, extra, "VideoObject");
        return new RenderView("~/Views/Pages/BroadcastReport.cshtml", new BroadcastReportView(page, shared, video, poster, poster is null ? null : mediaUrls.Image(poster, new ImageCommand(1280, 720, FitMode.Crop, OutputFormat.Jpeg)), captions), Head: parts.Head(request, page, shared));
    }
}

/// <summary>
/// An announcement, and, during its comment period, the comment form: validated, antiforgery-checked and
/// rate-limited (the page controller's post), stored; refused with the typed text kept after the deadline.
/// </summary>
public sealed class AnnouncementHandler(NewsItemPartsBuilder parts, CommentService comments, PublicityLinks links, SiteText text) : IPageHandler
{
    public const string SentSegment = "comment-sent";

    public bool HasSubPaths => true;

    public string DocumentType => "announcement";

    public PageOutcome? Render(PageRequest request)
    {
        var page = (AnnouncementPage)request.Page;
        return request.SubPath switch
        {
            [] => Render(request, new CommentInput(), new Dictionary<string, string>()),
            [SentSegment] => new RenderView("~/Views/Pages/FormSent.cshtml", new FormSentView(page, text["Comment.SentTitle"], text["Comment.SentText"], text["Comment.Back"]), UrlSuffix: "/" + SentSegment, Title: text["Comment.SentTitle"], NoIndex: true),
            _ => null,
        };
    }

    public async Task<PageOutcome?> PostAsync(PageRequest request)
    {
        var page = (AnnouncementPage)request.Page;
        if (!page.AcceptsOnlineComments || request.SubPath.Count > 0 || !request.Http.Request.HasFormContentType)
        {
            return null;
        }

        var form = await request.Http.Request.ReadFormAsync(request.Http.RequestAborted);
        var input = new CommentInput { Name = form["Name"], Organisation = form["Organisation"], Email = form["Email"], Comment = form["Comment"], Website = form["Website"] };
        return await PublicForms.AnswerAsync(
            request,
            input.IsRobot,
            $"{page.Url}/{SentSegment}#main",
            () => comments.SubmitAsync(page.Key, page.CommentDeadline, request.Culture, input, request.Http.RequestAborted),
            (errors, status) => Render(request, input, errors, status));
    }

    private RenderView Render(PageRequest request, CommentInput input, IReadOnlyDictionary<string, string> errors, int status = StatusCodes.Status200OK)
    {
        var page = (AnnouncementPage)request.Page;
        PublicForms.DoNotCompress(request);
        var shared = parts.For(request, page);
        var open = comments.IsOpen(page.CommentDeadline);

        // After the deadline the form is gone, but a comment refused for that reason comes back, text and all.
        var form = page.AcceptsOnlineComments && (open || errors.Count > 0) ? new PublicFormView<CommentInput>(input, errors, $"{page.Url}#comment") : null;
        var documents = page.RelatedDocuments.OfType<DocumentPage>().Select(links.Document).ToList();
        return new RenderView("~/Views/Pages/Announcement.cshtml", new AnnouncementView(page, shared, open, form, documents), status, Head: parts.Head(request, page, shared));
    }
}
