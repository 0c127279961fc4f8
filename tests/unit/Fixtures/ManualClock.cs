namespace Spcncl.Tests.Fixtures;

/// <summary>
/// The site's clock in tests: the real time until a test sets it, then that moment (deadlines, "upcoming", schedules).
/// Timers keep running on real time, so background loops behave as in production.
/// </summary>
public sealed class ManualClock : TimeProvider
{
    private DateTimeOffset? _now;

    public override DateTimeOffset GetUtcNow() => _now ?? System.GetUtcNow();

    public void Set(DateTimeOffset now) => _now = now;

    public void Reset() => _now = null;
}
