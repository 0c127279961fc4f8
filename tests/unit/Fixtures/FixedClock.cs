namespace Spcncl.Tests.Fixtures;

/// <summary>A clock that shows the time a test sets, so "valid until" and "expired since" do not depend on the day the tests run.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    /// <summary>Noon in Hanoi on <paramref name="day"/>.</summary>
    public static FixedClock At(DateOnly day) => new(new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.FromHours(7)));

    public void SetDay(DateOnly day) => Now = At(day).Now;

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
}
