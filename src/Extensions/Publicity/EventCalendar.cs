using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Spcncl.Publicity;

/// <summary>
/// "Add to calendar": events as iCalendar (RFC 5545), one or a feed of many. Times are written in UTC (an 08:30 start
/// in Hanoi is 01:30Z), which every calendar converts to its own zone, so one in Berlin shows the fair at the right
/// hour there; Hanoi has no daylight saving to lose. The UID is the event's key, so a second download updates the
/// entry rather than duplicating it.
/// </summary>
public static class EventCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Serialize(IEnumerable<CalendarEntry> entries, string? name = null, DateTimeOffset? stampUtc = null)
    {
        var calendar = new Calendar { ProductId = "-//SPCNCL//Hanoi Key Industrial Products//EN", Method = "PUBLISH" };
        if (name is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", name);
        }

        var stamp = Utc(stampUtc ?? DateTimeOffset.UtcNow);
        foreach (var entry in entries)
        {
            var e = new CalendarEvent
            {
                Uid = $"{entry.Key:D}@spcncl",
                Summary = entry.Title,
                Description = entry.Description,
                Location = entry.Location,
                Url = new Uri(entry.Url),
                DtStart = Utc(entry.Start),
                DtEnd = Utc(entry.End),
                DtStamp = stamp,
            };
            calendar.Events.Add(e);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    private static CalDateTime Utc(DateTimeOffset instant) => new(instant.UtcDateTime, "UTC", true);
}

/// <param name="Url">The event's page (absolute).</param>
public sealed record CalendarEntry(Guid Key, string Title, string Description, string? Location, string Url, DateTimeOffset Start, DateTimeOffset End);
