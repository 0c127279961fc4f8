using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Spcncl.Localization;

namespace Spcncl.Publicity;

/// <summary>
/// "Add to calendar": events as iCalendar (RFC 5545), one or a feed of many. Times carry TZID=Asia/Ho_Chi_Minh with
/// its VTIMEZONE, so a calendar in Berlin shows the fair at the right hour there; the UID is the event's key, so a
/// second download updates the entry rather than duplicating it.
/// </summary>
public static class EventCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Serialize(IEnumerable<CalendarEntry> entries, string? name = null, DateTime? stampUtc = null)
    {
        var calendar = new Calendar { ProductId = "-//SPCNCL//Hanoi Key Industrial Products//EN", Method = "PUBLISH" };
        calendar.AddTimeZone(CultureFormatter.SiteTimeZone.Id);
        if (name is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", name);
        }

        var stamp = new CalDateTime(DateTime.SpecifyKind(stampUtc ?? DateTime.UtcNow, DateTimeKind.Utc), "UTC", true);
        foreach (var entry in entries)
        {
            var e = new CalendarEvent
            {
                Uid = $"{entry.Key:D}@spcncl",
                Summary = entry.Title,
                Description = entry.Description,
                Location = entry.Location,
                Url = new Uri(entry.Url),
                DtStart = SiteTime(entry.Start),
                DtEnd = SiteTime(entry.End),
                DtStamp = stamp,
            };
            if (entry.Organiser is { } organiser)
            {
                e.Organizer = new Organizer { CommonName = organiser, Value = new Uri(entry.Url) };
            }

            calendar.Events.Add(e);
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }

    /// <summary>The instant as wall-clock time in Hanoi, labelled with the zone.</summary>
    private static CalDateTime SiteTime(DateTimeOffset instant)
    {
        var local = TimeZoneInfo.ConvertTime(instant, CultureFormatter.SiteTimeZone).DateTime;
        return new CalDateTime(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), CultureFormatter.SiteTimeZone.Id, true);
    }
}

/// <param name="Url">The event's page (absolute).</param>
public sealed record CalendarEntry(Guid Key, string Title, string Description, string? Location, string? Organiser, string Url, DateTimeOffset Start, DateTimeOffset End);
