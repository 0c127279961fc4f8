using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Spcncl.BackOffice;
using Spcncl.Localization;
using Spcncl.Persistence;
using Spcncl.Site.BackOffice.Operations;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// The audit log: who did what to which document, and when, newest first, filtered by person, action, document and
/// days (Hanoi time), a page at a time. Read only: nothing in the back office or in content clean-up deletes it.
/// </summary>
[Route(BackOfficeHost.Path + "/settings/audit")]
public sealed class AuditLogController(BackOfficeContext context, SiteDbContextFactory dbFactory, SiteText text) : BackOfficeControllerBase(context)
{
    public const int PageSize = 50;

    protected override BackOfficeArea? Area => BackOfficeArea.AuditLog;

    /// <remarks>The action filter is read from the query by name: a parameter called "action" would bind the route's own action name.</remarks>
    [HttpGet("")]
    public async Task<IActionResult> Index(string? user, [FromQuery(Name = "action")] string? actionName, string? document, string? from, string? to, string? page)
    {
        var problems = new List<string>();
        await using var db = dbFactory.CreateDbContext();
        var query = db.AuditEntries.AsNoTracking();
        var filter = new AuditFilter(Clean(user), Clean(actionName), Clean(document), Clean(from), Clean(to));
        if (filter.User is { } who)
        {
            query = query.Where(a => a.UserName == who);
        }

        if (filter.Action is { } what)
        {
            query = query.Where(a => a.Action == what);
        }

        if (filter.Document is { } documentText)
        {
            if (int.TryParse(documentText, NumberStyles.None, CultureInfo.InvariantCulture, out var documentId))
            {
                query = query.Where(a => a.DocumentId == documentId);
            }
            else
            {
                problems.Add("BackOffice.Audit.BadDocument");
            }
        }

        if (Day(filter.From, problems) is { } start)
        {
            query = query.Where(a => a.TimestampUtc >= start);
        }

        if (Day(filter.To, problems) is { } end)
        {
            var before = end.AddDays(1);
            query = query.Where(a => a.TimestampUtc < before);
        }

        var total = await query.CountAsync(HttpContext.RequestAborted);
        var pages = Math.Max(1, (total + PageSize - 1) / PageSize);
        var number = Math.Clamp(int.TryParse(page, out var p) ? p : 1, 1, pages);
        var entries = await query.OrderByDescending(a => a.TimestampUtc).ThenByDescending(a => a.Id).Skip((number - 1) * PageSize).Take(PageSize).ToListAsync(HttpContext.RequestAborted);
        var users = await db.AuditEntries.Select(a => a.UserName).Distinct().ToListAsync(HttpContext.RequestAborted);
        var actions = await db.AuditEntries.Select(a => a.Action).Distinct().ToListAsync(HttpContext.RequestAborted);
        var pager = Pager.For(number, pages, n => BackOfficeUrl.With(
            BackOfficeHost.Path + "/settings/audit",
            ("user", filter.User),
            ("action", filter.Action),
            ("document", filter.Document),
            ("from", filter.From),
            ("to", filter.To),
            ("page", n == 1 ? null : n.ToString(CultureInfo.InvariantCulture))));
        ViewData["Title"] = text["BackOffice.Audit.Title"];
        return View("~/Views/BackOffice/Settings/Audit.cshtml", new AuditView(
            filter,
            entries,
            total,
            pager,
            [.. users.Order(StringComparer.Ordinal)],
            [.. actions.Order(StringComparer.Ordinal)],
            [.. problems.Distinct()]));
    }

    private static string? Clean(string? value) => value?.Trim() is { Length: > 0 and <= 256 } text ? text : null;

    /// <summary>The start of a Hanoi day in UTC, or null (with a problem noted when the text is not a date).</summary>
    private static DateTime? Day(string? value, List<string> problems)
    {
        if (value is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            problems.Add("BackOffice.Inbox.BadDate");
            return null;
        }

        return TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), CultureFormatter.SiteTimeZone);
    }
}
