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

    public string Number(decimal value, string culture) => value.ToString("#,##0.##", cultures.Get(culture).Info);

    public string Number(long value, string culture) => value.ToString("#,##0", cultures.Get(culture).Info);

    /// <summary>Compares names with the culture's collation (Vietnamese order for vi: a ă â b c d đ e ê …).</summary>
    public IComparer<string> Collation(string culture) =>
        StringComparer.Create(cultures.Get(culture).Info, CompareOptions.IgnoreCase);

    public static DateTime ToSiteTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(System.DateTime.SpecifyKind(utc, DateTimeKind.Utc), SiteTimeZone);
}
