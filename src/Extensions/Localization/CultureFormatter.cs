using System.Globalization;

namespace Spcncl.Localization;

/// <summary>The one place that formats dates and numbers and sorts names per culture.</summary>
public sealed class CultureFormatter(SiteCultures cultures)
{
    /// <summary>Hanoi time: every date a visitor reads is shown in it.</summary>
    public static readonly TimeZoneInfo SiteTimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");

    public string Date(DateOnly date, string culture)
    {
        var site = cultures.Get(culture);
        return date.ToString(site.DateFormat, site.Info);
    }

    /// <summary>A UTC instant shown as a date in Hanoi time.</summary>
    public string Date(DateTime utc, string culture) => Date(DateOnly.FromDateTime(ToSiteTime(utc)), culture);

    /// <summary>A UTC instant shown as date and time in Hanoi time.</summary>
    public string DateTime(DateTime utc, string culture)
    {
        var site = cultures.Get(culture);
        return ToSiteTime(utc).ToString(site.DateTimeFormat, site.Info);
    }

    /// <summary>An instant as a date in Hanoi time.</summary>
    public string Date(DateTimeOffset instant, string culture) => Date(DateOnly.FromDateTime(ToSiteTime(instant)), culture);

    /// <summary>An instant as date and time in Hanoi time.</summary>
    public string DateTime(DateTimeOffset instant, string culture) => DateTime(instant.UtcDateTime, culture);

    /// <summary>An instant's time of day in Hanoi (<c>08:30</c>).</summary>
    public static string Time(DateTimeOffset instant) => ToSiteTime(instant).ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>
    /// When an event happens, in Hanoi time: one day with its hours ("15 March 2027, 08:30–11:30") or several days
    /// ("27 October 2022 – 29 October 2022").
    /// </summary>
    public string Span(DateTimeOffset start, DateTimeOffset end, string culture)
    {
        var (from, to) = (ToSiteTime(start), ToSiteTime(end));
        return from.Date == to.Date
            ? $"{Date(start, culture)}, {Time(start)}–{Time(end)}"
            : $"{Date(start, culture)} – {Date(end, culture)}";
    }

    /// <summary>The machine-readable form for <c>&lt;time datetime&gt;</c> and JSON-LD, with the +07:00 offset.</summary>
    public static string Iso(DateTimeOffset instant) =>
        TimeZoneInfo.ConvertTime(instant, SiteTimeZone).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    public static System.DateTime ToSiteTime(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, SiteTimeZone).DateTime;

    public string Number(decimal value, string culture) => value.ToString("#,##0.##", cultures.Get(culture).Info);

    public string Number(long value, string culture) => value.ToString("#,##0", cultures.Get(culture).Info);

    /// <summary>Compares names with the culture's collation (Vietnamese order for vi: a ă â b c d đ e ê …).</summary>
    public IComparer<string> Collation(string culture) =>
        StringComparer.Create(cultures.Get(culture).Info, CompareOptions.IgnoreCase);

    public static DateTime ToSiteTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), SiteTimeZone);
}
