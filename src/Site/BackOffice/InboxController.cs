using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Spcncl.BackOffice;
using Spcncl.Hosting;
using Spcncl.Localization;
using Spcncl.Published;
using Spcncl.Site.BackOffice.Operations;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// What visitors sent: buyers' enquiries (<see cref="BackOfficeArea.Enquiries"/>), comments on announcements and
/// registrations for events (<see cref="BackOfficeArea.Comments"/>). Each inbox lists, filters (handled or not, days,
/// text, what it is about), shows one, marks it handled or not (who and when are kept), and exports every filtered
/// row as CSV for a spreadsheet.
/// </summary>
[Route(BackOfficeHost.Path + "/inbox")]
public sealed class InboxController(
    BackOfficeContext context,
    Inbox inbox,
    PublishedSnapshotService snapshots,
    CultureFormatter formatter,
    SiteText text,
    TimeProvider clock) : BackOfficeControllerBase(context)
{
    /// <summary>The inboxes by their address, in menu order.</summary>
    public static readonly IReadOnlyList<(string Slug, InboxKind Kind)> Kinds =
        [("enquiries", InboxKind.Enquiries), ("comments", InboxKind.Comments), ("registrations", InboxKind.Registrations)];

    public static BackOfficeArea AreaOf(InboxKind kind) => kind == InboxKind.Enquiries ? BackOfficeArea.Enquiries : BackOfficeArea.Comments;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var tiles = new List<InboxTile>();
        foreach (var (slug, kind) in Kinds.Where(k => BackOfficePermissions.Can(Me, AreaOf(k.Kind))))
        {
            tiles.Add(new InboxTile(kind, slug, await inbox.CountUnhandledAsync(kind, HttpContext.RequestAborted)));
        }

        if (tiles.Count == 0)
        {
            return await RefuseAsync("open the inboxes");
        }

        ViewData["Title"] = text["BackOffice.Nav.Inbox"];
        return View("~/Views/BackOffice/Inbox/Index.cshtml", new InboxHomeView(tiles));
    }

    [HttpGet("{slug}")]
    public async Task<IActionResult> List(string slug, string? handled, string? from, string? to, string? q, string? about, string? page)
    {
        if (Kind(slug) is not { } kind)
        {
            return NotFound();
        }

        if (!BackOfficePermissions.Can(Me, AreaOf(kind)))
        {
            return await RefuseAsync($"open the {slug} inbox");
        }

        var (filter, query) = ReadFilter(handled, from, to, q, about);
        var result = await inbox.ListAsync(kind, filter, int.TryParse(page, out var p) ? p : 1, HttpContext.RequestAborted);
        var snapshot = snapshots.Current;
        string Name(Guid key) => PageNames.Describe(snapshot, key, Me.UiCulture)?.Name ?? text["BackOffice.Inbox.UnknownPage"];
        var choices = result.AboutCounts.Select(a => new AboutChoice(a.Key, Name(a.Key), a.Value))
            .OrderBy(a => a.Name, formatter.Collation(Me.UiCulture))
            .ToList();
        string Url(string path, int? number) => BackOfficeUrl.With(
            path,
            ("handled", query.Handled),
            ("from", filter.From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("to", filter.To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ("q", filter.Text),
            ("about", filter.About?.ToString()),
            ("page", number is null or 1 ? null : number.Value.ToString(CultureInfo.InvariantCulture)));
        var listPath = $"{BackOfficeHost.Path}/inbox/{slug}";
        ViewData["Title"] = text[$"BackOffice.Inbox.{kind}"];
        return View("~/Views/BackOffice/Inbox/List.cshtml", new InboxListView(
            kind,
            slug,
            query,
            [.. result.Items.Select(i => new InboxRow(i, Name(i.About)))],
            result.Total,
            Pager.For(result.Page, result.PageCount, n => Url(listPath, n)),
            choices,
            Url(listPath + "/export", null),
            Url(listPath, result.Page)));
    }

    /// <summary>Every row the filters find, as CSV (UTF-8 with a byte-order mark, so Excel reads Vietnamese), with a header row.</summary>
    [HttpGet("{slug}/export")]
    public async Task<IActionResult> Export(string slug, string? handled, string? from, string? to, string? q, string? about)
    {
        if (Kind(slug) is not { } kind)
        {
            return NotFound();
        }

        if (!BackOfficePermissions.Can(Me, AreaOf(kind)))
        {
            return await RefuseAsync($"export the {slug} inbox");
        }

        var (filter, _) = ReadFilter(handled, from, to, q, about);
        var items = await inbox.AllAsync(kind, filter, HttpContext.RequestAborted);
        var snapshot = snapshots.Current;
        string[] header = kind switch
        {
            InboxKind.Enquiries => ["id", "received", "language", "product", "enterprise", "name", "company", "country", "email", "message", "meetAtFair", "mailStatus", "handled", "handledBy", "handledAt"],
            InboxKind.Comments => ["id", "received", "language", "announcement", "name", "organisation", "email", "comment", "handled", "handledBy", "handledAt"],
            _ => ["id", "received", "language", "event", "name", "organisation", "email", "phone", "attendees", "note", "handled", "handledBy", "handledAt"],
        };
        string Name(Guid? key) => key is { } k ? PageNames.Describe(snapshot, k, Me.UiCulture)?.Name ?? k.ToString() : "";
        static string When(DateTime? utc) => utc is { } t ? CultureFormatter.ToSiteTime(t).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
        var rows = items.Select(i =>
        {
            var id = i.Id.ToString(CultureInfo.InvariantCulture);
            var handledText = i.Handled ? "yes" : "no";
            return (IReadOnlyList<string?>)(kind switch
            {
                InboxKind.Enquiries =>
                [
                    id, When(i.CreatedUtc), i.Culture, i.About == i.Enterprise ? "" : Name(i.About), Name(i.Enterprise), i.Name, i.Organisation, i.Country, i.Email, i.Message,
                    i.MeetAtFair ? "yes" : "no", i.MailStatus, handledText, i.HandledBy, When(i.HandledUtc),
                ],
                InboxKind.Comments => [id, When(i.CreatedUtc), i.Culture, Name(i.About), i.Name, i.Organisation, i.Email, i.Message, handledText, i.HandledBy, When(i.HandledUtc)],
                _ =>
                [
                    id, When(i.CreatedUtc), i.Culture, Name(i.About), i.Name, i.Organisation, i.Email, i.Phone, i.Attendees.ToString(CultureInfo.InvariantCulture), i.Message,
                    handledText, i.HandledBy, When(i.HandledUtc),
                ],
            });
        });
        var file = CsvFile.Write(header, rows);
        await BackOffice.RecordAsync("InboxExported", $"{slug}: {items.Count} rows");
        var stamp = CultureFormatter.ToSiteTime(clock.GetUtcNow().UtcDateTime).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return File(file, "text/csv; charset=utf-8", $"spcncl-{slug}-{stamp}.csv");
    }

    [HttpGet("{slug}/{id:int}")]
    public async Task<IActionResult> Detail(string slug, int id, string? returnUrl)
    {
        if (Kind(slug) is not { } kind)
        {
            return NotFound();
        }

        if (!BackOfficePermissions.Can(Me, AreaOf(kind)))
        {
            return await RefuseAsync($"read {slug} {id}");
        }

        if (await inbox.GetAsync(kind, id, HttpContext.RequestAborted) is not { } item)
        {
            return NotFound();
        }

        var snapshot = snapshots.Current;
        var about = PageNames.Describe(snapshot, item.About, Me.UiCulture);
        var enterprise = item.Enterprise is { } e && e != item.About ? PageNames.Describe(snapshot, e, Me.UiCulture)?.Name : null;
        var back = BackOfficeUrl.Local(returnUrl, $"{BackOfficeHost.Path}/inbox/{slug}") ?? $"{BackOfficeHost.Path}/inbox/{slug}";
        ViewData["Title"] = text[$"BackOffice.Inbox.{kind}"];
        return View("~/Views/BackOffice/Inbox/Detail.cshtml", new InboxDetailView(kind, slug, item, about?.Name ?? text["BackOffice.Inbox.UnknownPage"], about?.Url, enterprise, back));
    }

    /// <summary>Marks a row handled (recording who and when) or not handled again, then goes back to it.</summary>
    [HttpPost("{slug}/{id:int}/handled")]
    public async Task<IActionResult> SetHandled(string slug, int id, string? handled, string? returnUrl)
    {
        if (Kind(slug) is not { } kind)
        {
            return NotFound();
        }

        if (!BackOfficePermissions.Can(Me, AreaOf(kind)))
        {
            return await RefuseAsync($"mark {slug} {id} handled");
        }

        var done = handled != "false";
        if (!await inbox.SetHandledAsync(kind, id, done, Me.UserName, HttpContext.RequestAborted))
        {
            return NotFound();
        }

        await BackOffice.RecordAsync(done ? "InboxHandled" : "InboxUnhandled", $"{slug} {id}");
        var back = BackOfficeUrl.Local(returnUrl, $"{BackOfficeHost.Path}/inbox/{slug}");
        Response.Headers.Location = back ?? $"{BackOfficeHost.Path}/inbox/{slug}/{id}";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private static InboxKind? Kind(string slug) => Kinds.FirstOrDefault(k => k.Slug == slug) is { Slug: not null } found ? found.Kind : null;

    /// <summary>The filters from the query string; what cannot be read is left out, and said so.</summary>
    private static (InboxFilter Filter, InboxQuery Query) ReadFilter(string? handled, string? from, string? to, string? q, string? about)
    {
        var problems = new List<string>();
        DateOnly? Day(string? value)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            problems.Add("BackOffice.Inbox.BadDate");
            return null;
        }

        var state = handled is "yes" or "no" ? handled : "";
        var text = q?.Trim() is { Length: > 0 } t ? (t.Length > Inbox.MaxTextFilter ? t[..Inbox.MaxTextFilter] : t) : null;
        var filter = new InboxFilter(
            state == "" ? null : state == "yes",
            Day(from),
            Day(to),
            text,
            Guid.TryParse(about, out var key) ? key : null);
        return (filter, new InboxQuery(state, filter.From is null ? from : filter.From.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), filter.To is null ? to : filter.To.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), text, filter.About?.ToString(), [.. problems.Distinct()]));
    }
}
