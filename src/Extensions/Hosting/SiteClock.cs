using System.Globalization;

namespace Spcncl.Hosting;

/// <summary>
/// The site's clock: the system's, unless <c>Site:ClockStart</c> names another moment (ISO 8601 with its offset). Then
/// the site starts at that moment and time runs on from there, so demos and end-to-end tests see the same open
/// deadlines and upcoming events whatever the date they run on. Deadlines, schedules and "upcoming" all read it.
/// </summary>
public sealed class ShiftedTimeProvider(DateTimeOffset start, TimeProvider system) : TimeProvider
{
    private readonly long _started = system.GetTimestamp();

    public DateTimeOffset Start { get; } = start;

    public override DateTimeOffset GetUtcNow() => Start.ToUniversalTime() + system.GetElapsedTime(_started);

    public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;

    /// <summary>The clock for a <c>Site:ClockStart</c> setting: the system's when empty; a clear error when unreadable.</summary>
    public static TimeProvider For(string? clockStart)
    {
        if (string.IsNullOrWhiteSpace(clockStart))
        {
            return System;
        }

        return DateTimeOffset.TryParse(clockStart, CultureInfo.InvariantCulture, DateTimeStyles.None, out var start)
            ? new ShiftedTimeProvider(start, System)
            : throw new SiteConfigurationException($"Site:ClockStart '{clockStart}' is not a date and time such as 2026-12-01T09:00:00+07:00.");
    }
}
