using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Spcncl.Forms;
using Spcncl.Localization;
using Spcncl.Media;
using Spcncl.Published.Models;
using Spcncl.Publicity;
using Spcncl.Site.Rendering;

namespace Spcncl.Site.Pages;

/// <summary>
/// The events list (<c>/vi/su-kien</c>, <c>/en/events</c>): what is coming first (soonest first), then past events by
/// year; <c>type</c> filters. <c>calendar.ics</c> is a feed of every upcoming event for calendar apps.
/// </summary>
public sealed class EventListHandler(PublicityLinks links, SiteUrls urls, SiteText text) : IPageHandler
{
    public const string CalendarSegment = "calendar.ics";

    public bool HasSubPaths => true;

    public string DocumentType => "eventList";

    public PageOutcome? Render(PageRequest request)
    {
        var page = (EventListPage)request.Page;
        return request.SubPath switch
        {
            [] => List(request, page),
            [CalendarSegment] => new ActionOutcome(EventPageHandler.Calendar(
                request,
                [.. page.Events.Where(e => e.End >= links.Now).OrderBy(e => e.Start).Select(e => EventPageHandler.Entry(urls, request, e))],
                $"{page.Name} · {text["Site.ShortName"]}",
                "events.ics",
                links.Now)),
            _ => null,
        };
    }

    private RenderView List(PageRequest request, EventListPage page)
    {
        var now = links.Now;
        var all = page.Events.ToList();
        var types = all.Select(e => (e.EventType, Label: e.EventTypeLabel ?? e.EventType)).Distinct().ToList();
        var type = request.Query["type"].ToString() is var t && types.Any(x => x.EventType == t) ? t : null;
        var shown = type is null ? all : [.. all.Where(e => e.EventType == type)];
        var url = page.Url!;
        string Link(string? value) => ProductCatalogueHandler.Link(url, request.Query, "type", value);

        var filters = new List<FilterLink> { new(text["Events.AllTypes"], Link(null), all.Count, type is null) };
        filters.AddRange(types.OrderBy(x => x.Label, StringComparer.Create(CultureInfo.CurrentCulture, true))
            .Select(x => new FilterLink(x.Label, Link(x.EventType), all.Count(e => e.EventType == x.EventType), x.EventType == type)));

        var view = new EventListView(
            page,
            [.. shown.Where(e => e.End >= now).OrderBy(e => e.Start).Select(links.Event)],
            [.. shown.Where(e => e.End < now)
                .GroupBy(e => CultureFormatter.ToSiteTime(e.Start).Year)
                .OrderByDescending(g => g.Key)
                .Select(g => (g.Key, (IReadOnlyList<EventCard>)[.. g.OrderByDescending(e => e.Start).Select(links.Event)]))],
            filters,
            links.Countdown(all),
            $"{url}/{CalendarSegment}");
        var feed = new FeedLink(text["Events.CalendarFeed"], view.CalendarUrl, "text/calendar");
        return new RenderView("~/Views/Pages/EventList.cshtml", view, NoIndex: type is not null, Head: new PageHead(Feeds: [feed]));
    }
}

/// <summary>
/// An event: when (Hanoi time), where, the agenda, the live broadcast, registration (a link elsewhere or a form here
/// until it closes), the exhibitors of a fair with their booths, "Add to calendar" (<c>calendar.ics</c>) and JSON-LD.
/// </summary>
public sealed class EventPageHandler(PublicityLinks links, RegistrationService registrations, SiteUrls urls, MediaUrls mediaUrls, Spcncl.Published.PublishedSnapshotService snapshots, PublishedModelFactory models, SiteText text) : IPageHandler
{
    public const string SentSegment = "registered";

    public bool HasSubPaths => true;

    public string DocumentType => "event";

    public PageOutcome? Render(PageRequest request)
    {
        var page = (EventPage)request.Page;
        return request.SubPath switch
        {
            [] => Render(request, new RegistrationInput(), new Dictionary<string, string>()),
            [EventListHandler.CalendarSegment] => new ActionOutcome(Calendar(request, [Entry(urls, request, page)], null, $"{page.Document.Variants[page.ContentCulture].UrlSegment}.ics", links.Now)),
            [SentSegment] => new RenderView("~/Views/Pages/FormSent.cshtml", new FormSentView(page, text["Registration.SentTitle"], text["Registration.SentText"], text["Registration.Back"]), UrlSuffix: "/" + SentSegment, Title: text["Registration.SentTitle"], NoIndex: true),
            _ => null,
        };
    }

    public async Task<PageOutcome?> PostAsync(PageRequest request)
    {
        var page = (EventPage)request.Page;
        if (!page.TakesRegistrations || request.SubPath.Count > 0 || !request.Http.Request.HasFormContentType)
        {
            return null;
        }

        var form = await request.Http.Request.ReadFormAsync(request.Http.RequestAborted);
        var input = new RegistrationInput
        {
            Name = form["Name"],
            Organisation = form["Organisation"],
            Email = form["Email"],
            Phone = form["Phone"],
            Attendees = form["Attendees"],
            Note = form["Note"],
            Website = form["Website"],
        };
        return await PublicForms.AnswerAsync(
            request,
            input.IsRobot,
            $"{page.Url}/{SentSegment}#main",
            () => registrations.SubmitAsync(page.Key, page.RegistrationCloses, request.Culture, input, request.Http.RequestAborted),
            (errors, status) => Render(request, input, errors, status));
    }

    /// <summary>An .ics answer (RFC 5545) with a file name, for one event or the upcoming feed.</summary>
    internal static FileContentResult Calendar(PageRequest request, IEnumerable<CalendarEntry> entries, string? name, string fileName, DateTimeOffset now)
    {
        request.Http.Response.Headers.CacheControl = "public, max-age=300";
        return new FileContentResult(System.Text.Encoding.UTF8.GetBytes(EventCalendar.Serialize(entries, name, now)), EventCalendar.ContentType) { FileDownloadName = fileName };
    }

    internal static CalendarEntry Entry(SiteUrls urls, PageRequest request, EventPage page) =>
        new(page.Key, page.Name, page.Summary, string.Join(", ", new[] { page.Venue, page.Address?.ReplaceLineEndings(", ") }.Where(s => !string.IsNullOrWhiteSpace(s))), urls.Absolute(request.Http.Request, page.Url!), page.Start, page.End);

    private RenderView Render(PageRequest request, RegistrationInput input, IReadOnlyDictionary<string, string> errors, int status = StatusCodes.Status200OK)
    {
        var page = (EventPage)request.Page;
        var now = links.Now;
        var open = page.TakesRegistrations && registrations.IsOpen(page.RegistrationCloses);
        if (page.TakesRegistrations)
        {
            PublicForms.DoNotCompress(request);
        }

        var snapshot = snapshots.Current;
        var exhibitors = page.Exhibitors
            .Select(e => (e.Booth, Page: snapshot.Get(e.Enterprise) is { } d ? models.Create(d, request.Culture, snapshot) as EnterprisePage : null))
            .Where(e => e.Page is not null)
            .Select(e => new Exhibitor(e.Booth, e.Page!.Name, e.Page.Url, links.MediaItem(e.Page.LogoKey)))
            .ToList();
        var cover = links.MediaItem(page.CoverImageKey);
        var form = page.TakesRegistrations && (open || errors.Count > 0) ? new PublicFormView<RegistrationInput>(input, errors, $"{page.Url}#register") : null;
        var view = new EventView(page, cover, page.End < now, page.Start <= now && now <= page.End, $"{page.Url}/{EventListHandler.CalendarSegment}", open, form, exhibitors, JsonLd(request, page, cover, exhibitors));
        var social = new SocialCard(page.Name, page.Summary, urls.Absolute(request.Http.Request, page.Url!), "website", cover is null ? null : urls.Absolute(request.Http.Request, mediaUrls.Image(cover, new ImageCommand(1200, 630, FitMode.Crop, OutputFormat.Jpeg))), cover?.Alt(page.ContentCulture));
        return new RenderView("~/Views/Pages/Event.cshtml", view, status, Head: new PageHead(social));
    }

    private string JsonLd(PageRequest request, EventPage page, MediaItem? cover, IReadOnlyList<Exhibitor> exhibitors)
    {
        string Absolute(string path) => urls.Absolute(request.Http.Request, path);
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = page.EventType == "tradeFair" ? "ExhibitionEvent" : page.EventType == "training" ? "EducationEvent" : "BusinessEvent",
            ["name"] = page.Name,
            ["description"] = page.Summary,
            ["url"] = Absolute(page.Url!),
            ["inLanguage"] = page.ContentCulture,
            ["startDate"] = CultureFormatter.Iso(page.Start),
            ["endDate"] = CultureFormatter.Iso(page.End),
            ["eventStatus"] = "https://schema.org/EventScheduled",
            ["eventAttendanceMode"] = page.LiveUrl is null ? "https://schema.org/OfflineEventAttendanceMode" : "https://schema.org/MixedEventAttendanceMode",
            ["location"] = new Dictionary<string, object?>
            {
                ["@type"] = "Place",
                ["name"] = page.Venue,
                ["address"] = new Dictionary<string, object?> { ["@type"] = "PostalAddress", ["streetAddress"] = page.Address, ["addressLocality"] = "Hà Nội", ["addressCountry"] = "VN" },
            },
            ["organizer"] = new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = page.Organiser ?? text["Site.Owner"] },
            ["image"] = cover is null ? null : new[] { Absolute(mediaUrls.Image(cover, new ImageCommand(1200, 630, FitMode.Crop, OutputFormat.Jpeg))) },
            ["isAccessibleForFree"] = true,
            ["offers"] = page.RegistrationUrl is { } registration ? new Dictionary<string, object?> { ["@type"] = "Offer", ["url"] = registration, ["price"] = "0", ["priceCurrency"] = "VND" } : null,
            ["performer"] = exhibitors.Count > 0 ? exhibitors.Select(e => new Dictionary<string, object?> { ["@type"] = "Organization", ["name"] = e.Name, ["url"] = e.Url is null ? null : Absolute(e.Url) }).ToArray() : null,
        };
        return JsonSerializer.Serialize(data.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value));
    }
}
