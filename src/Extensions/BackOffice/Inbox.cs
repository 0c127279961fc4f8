using Microsoft.EntityFrameworkCore;
using Spcncl.Localization;
using Spcncl.Persistence;

namespace Spcncl.BackOffice;

/// <summary>
/// What visitors sent, as staff work through it: buyers' enquiries, comments on announcements, and event
/// registrations. One shape for the three, filtered in the database (handled or not, the day range in Hanoi time,
/// text, what it is about), newest first; marking one handled records who and when.
/// </summary>
public sealed class Inbox(SiteDbContextFactory dbFactory, TimeProvider clock)
{
    public const int PageSize = 50;
    public const int MaxTextFilter = 200;

    public async Task<InboxPage> ListAsync(InboxKind kind, InboxFilter filter, int page, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var found = await FindAsync(db, kind, filter, ct);
        var pages = Math.Max(1, (found.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var about = await Items(db, kind).GroupBy(i => i.About).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        return new InboxPage([.. found.Skip((page - 1) * PageSize).Take(PageSize)], found.Count, page, pages, about.ToDictionary(a => a.Key, a => a.Count));
    }

    /// <summary>Every row the filter finds (for the CSV export), newest first.</summary>
    public async Task<IReadOnlyList<InboxItem>> AllAsync(InboxKind kind, InboxFilter filter, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await FindAsync(db, kind, filter, ct);
    }

    public async Task<InboxItem?> GetAsync(InboxKind kind, int id, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await Items(db, kind).FirstOrDefaultAsync(i => i.Id == id, ct);
    }

    public async Task<int> CountUnhandledAsync(InboxKind kind, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        return await Items(db, kind).CountAsync(i => !i.Handled, ct);
    }

    /// <summary>Marks a row handled (by <paramref name="user"/>, now) or not handled again; false when there is no such row.</summary>
    public async Task<bool> SetHandledAsync(InboxKind kind, int id, bool handled, string user, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var by = handled ? user : null;
        DateTime? at = handled ? clock.GetUtcNow().UtcDateTime : null;
        var changed = kind switch
        {
            InboxKind.Enquiries => await db.Enquiries.Where(e => e.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Handled, handled).SetProperty(e => e.HandledBy, by).SetProperty(e => e.HandledUtc, at), ct),
            InboxKind.Comments => await db.Comments.Where(e => e.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Handled, handled).SetProperty(e => e.HandledBy, by).SetProperty(e => e.HandledUtc, at), ct),
            InboxKind.Registrations => await db.EventRegistrations.Where(e => e.Id == id)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.Handled, handled).SetProperty(e => e.HandledBy, by).SetProperty(e => e.HandledUtc, at), ct),
            _ => 0,
        };
        return changed > 0;
    }

    /// <summary>
    /// The rows the filter finds, newest first. State, days and subject are filtered in the database; the text is
    /// matched in memory with accents and case folded (what staff type without Vietnamese accents matches, and
    /// SQLite's lower() knows only ASCII). An inbox holds hundreds of rows a year, not millions.
    /// </summary>
    private static async Task<List<InboxItem>> FindAsync(SiteDbContext db, InboxKind kind, InboxFilter filter, CancellationToken ct)
    {
        var query = Items(db, kind);
        if (filter.Handled is { } handled)
        {
            query = query.Where(i => i.Handled == handled);
        }

        if (filter.From is { } from)
        {
            var start = SiteDayStartUtc(from);
            query = query.Where(i => i.CreatedUtc >= start);
        }

        if (filter.To is { } to)
        {
            var end = SiteDayStartUtc(to.AddDays(1));
            query = query.Where(i => i.CreatedUtc < end);
        }

        if (filter.About is { } about)
        {
            query = query.Where(i => i.About == about || i.Enterprise == about);
        }

        var rows = await query.OrderByDescending(i => i.CreatedUtc).ThenByDescending(i => i.Id).ToListAsync(ct);
        if (filter.Text?.Trim() is not { Length: > 0 } text)
        {
            return rows;
        }

        var wanted = Fold(text.Length > MaxTextFilter ? text[..MaxTextFilter] : text);
        return [.. rows.Where(i => Fold($"{i.Name}\n{i.Organisation}\n{i.Email}\n{i.Country}\n{i.Phone}\n{i.Message}").Contains(wanted, StringComparison.Ordinal))];
    }

    private static string Fold(string text) => VietnameseText.FoldAccents(text).ToLowerInvariant();

    /// <summary>The start of a day in Hanoi, in UTC: the day range a person picks is a Hanoi day range.</summary>
    private static DateTime SiteDayStartUtc(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return TimeZoneInfo.ConvertTimeToUtc(local, CultureFormatter.SiteTimeZone);
    }

    private static IQueryable<InboxItem> Items(SiteDbContext db, InboxKind kind) => kind switch
    {
        InboxKind.Enquiries => db.Enquiries.AsNoTracking().Select(e => new InboxItem
        {
            Id = e.Id,
            Kind = InboxKind.Enquiries,
            About = e.ProductKey ?? e.EnterpriseKey,
            Enterprise = e.EnterpriseKey,
            Culture = e.Culture,
            Name = e.Name,
            Organisation = e.Company,
            Email = e.Email,
            Country = e.Country,
            Phone = "",
            Message = e.Message,
            MeetAtFair = e.MeetAtFair,
            Attendees = 0,
            CreatedUtc = e.CreatedUtc,
            MailStatus = e.MailStatus,
            MailError = e.MailError,
            Handled = e.Handled,
            HandledBy = e.HandledBy,
            HandledUtc = e.HandledUtc,
        }),
        InboxKind.Comments => db.Comments.AsNoTracking().Select(c => new InboxItem
        {
            Id = c.Id,
            Kind = InboxKind.Comments,
            About = c.AnnouncementKey,
            Enterprise = null,
            Culture = c.Culture,
            Name = c.Name,
            Organisation = c.Organisation,
            Email = c.Email,
            Country = "",
            Phone = "",
            Message = c.Comment,
            MeetAtFair = false,
            Attendees = 0,
            CreatedUtc = c.CreatedUtc,
            MailStatus = null,
            MailError = null,
            Handled = c.Handled,
            HandledBy = c.HandledBy,
            HandledUtc = c.HandledUtc,
        }),
        _ => db.EventRegistrations.AsNoTracking().Select(r => new InboxItem
        {
            Id = r.Id,
            Kind = InboxKind.Registrations,
            About = r.EventKey,
            Enterprise = null,
            Culture = r.Culture,
            Name = r.Name,
            Organisation = r.Organisation,
            Email = r.Email,
            Country = "",
            Phone = r.Phone,
            Message = r.Note,
            MeetAtFair = false,
            Attendees = r.Attendees,
            CreatedUtc = r.CreatedUtc,
            MailStatus = null,
            MailError = null,
            Handled = r.Handled,
            HandledBy = r.HandledBy,
            HandledUtc = r.HandledUtc,
        }),
    };
}

/// <summary>The three inboxes. Enquiries belong to <see cref="BackOfficeArea.Enquiries"/>; comments and registrations to <see cref="BackOfficeArea.Comments"/>.</summary>
public enum InboxKind
{
    Enquiries,
    Comments,
    Registrations,
}

/// <param name="Handled">Null: both.</param>
/// <param name="From">The first day (Hanoi time) included.</param>
/// <param name="To">The last day (Hanoi time) included.</param>
/// <param name="About">A product, enterprise, announcement or event (a document key).</param>
public sealed record InboxFilter(bool? Handled = null, DateOnly? From = null, DateOnly? To = null, string? Text = null, Guid? About = null);

/// <param name="AboutCounts">How many rows (of any state) each product, announcement or event has: the filter's choices.</param>
public sealed record InboxPage(IReadOnlyList<InboxItem> Items, int Total, int Page, int PageCount, IReadOnlyDictionary<Guid, int> AboutCounts);

/// <summary>One row of an inbox. Fields a kind does not have are empty (a comment has no phone; only enquiries have mail status).</summary>
public sealed record InboxItem
{
    public int Id { get; init; }

    public InboxKind Kind { get; init; }

    /// <summary>The product (else the enterprise) of an enquiry, the announcement of a comment, the event of a registration.</summary>
    public Guid About { get; init; }

    public Guid? Enterprise { get; init; }

    public string Culture { get; init; } = "";

    public string Name { get; init; } = "";

    public string Organisation { get; init; } = "";

    public string Email { get; init; } = "";

    public string Country { get; init; } = "";

    public string Phone { get; init; } = "";

    /// <summary>The enquiry's message, the comment, or the registration's note.</summary>
    public string Message { get; init; } = "";

    public bool MeetAtFair { get; init; }

    public int Attendees { get; init; }

    public DateTime CreatedUtc { get; init; }

    public string? MailStatus { get; init; }

    public string? MailError { get; init; }

    public bool Handled { get; init; }

    public string? HandledBy { get; init; }

    public DateTime? HandledUtc { get; init; }
}
