using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spcncl.Persistence;
using Spcncl.Sync;

namespace Spcncl.Content.Notifications;

/// <summary>Hands committed change instructions to the notification handlers (snapshot, index, cache) of this instance.</summary>
public sealed class ContentChangeDispatcher(NotificationPublisher publisher, InstanceIdentity instance, ILogger<ContentChangeDispatcher> logger)
{
    public string InstanceId => instance.Id;

    /// <summary>The id of the newest instruction this instance has applied; instructions up to it are skipped by the poller.</summary>
    public long LastAppliedId { get; set; }

    /// <summary>Instructions inside the poller's window that were already committed when this instance loaded its caches.</summary>
    public IReadOnlyDictionary<long, DateTime> CommittedAtLoad { get; private set; } = new Dictionary<long, DateTime>();

    /// <summary>
    /// Called before the caches load: every instruction committed so far is in what is about to be loaded, so neither
    /// the newest id nor the recent rows the poller re-reads (its window) should be applied again.
    /// </summary>
    public async Task MarkLoadedAsync(SiteDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var since = clock.GetUtcNow().UtcDateTime - ContentChangePoller.Window;
        LastAppliedId = await db.ContentChanges.MaxAsync(c => (long?)c.Id, ct) ?? 0;
        CommittedAtLoad = await db.ContentChanges.AsNoTracking().Where(c => c.CreatedUtc >= since).ToDictionaryAsync(c => c.Id, c => c.CreatedUtc, ct);
    }

    /// <summary>Adds the instruction row to a unit of work; it commits with the change it describes.</summary>
    public void Record(SiteDbContext db, IReadOnlyList<ContentChange> changes) =>
        db.ContentChanges.Add(new Persistence.Entities.ContentChangeEntity
        {
            CreatedUtc = DateTime.UtcNow,
            OriginInstance = instance.Id,
            Instruction = JsonSerializer.Serialize(changes, SyncJson.Compact),
        });

    public async Task DispatchLocalAsync(IReadOnlyList<ContentChange> changes, CancellationToken ct)
    {
        try
        {
            await publisher.PublishAsync(new ContentChangedNotification(changes, FromOtherInstance: false), ct);
        }
        catch (Exception ex)
        {
            // The transaction is committed: a failing cache must not turn a successful publish into an error page.
            // The poller's reconcile, within a minute, brings the cache back.
            logger.LogError(ex, "A content-change handler failed after commit; caches will catch up on the next refresh");
        }
    }

    internal async Task DispatchRemoteAsync(IReadOnlyList<ContentChange> changes, CancellationToken ct) =>
        await publisher.PublishAsync(new ContentChangedNotification(changes, FromOtherInstance: true), ct);
}

/// <summary>
/// Applies the change instructions written by other instances sharing the database, every couple of seconds, so their
/// published snapshots converge. Ids are taken at insert but rows become visible at commit, so a later id can appear
/// first: the poller re-reads a two-minute window and remembers what it applied. Every minute it also compares what
/// is in memory with the database and reloads everything on a mismatch, the net under any missed instruction.
/// </summary>
public sealed class ContentChangePoller(
    SiteDbContextFactory dbFactory,
    ContentChangeDispatcher dispatcher,
    InstanceIdentity instance,
    IEnumerable<IContentCacheProbe> probes,
    ILogger<ContentChangePoller> logger,
    TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(2);
    public static readonly TimeSpan ReconcileInterval = TimeSpan.FromMinutes(1);

    private readonly Dictionary<long, DateTime> _seen = [];
    private DateTime _lastReconcile = DateTime.MinValue;
    private bool _primed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PollOnceAsync(stoppingToken);
                if (clock.GetUtcNow().UtcDateTime - _lastReconcile > ReconcileInterval)
                {
                    await ReconcileAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Reading change instructions failed; retrying");
            }
        }
    }

    public async Task PollOnceAsync(CancellationToken ct)
    {
        if (!_primed)
        {
            foreach (var (id, created) in dispatcher.CommittedAtLoad)
            {
                _seen.TryAdd(id, created);
            }

            _primed = true;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - Window;
        var last = dispatcher.LastAppliedId;
        await using var db = dbFactory.CreateDbContext();
        var rows = await db.ContentChanges.AsNoTracking()
            .Where(c => c.Id > last || c.CreatedUtc >= since)
            .OrderBy(c => c.Id)
            .Take(1000)
            .ToListAsync(ct);
        var fresh = rows.Where(r => !_seen.ContainsKey(r.Id) && (r.Id > last || r.CreatedUtc >= since)).ToList();
        var foreign = fresh.Where(r => r.OriginInstance != instance.Id)
            .SelectMany(r => JsonSerializer.Deserialize<List<ContentChange>>(r.Instruction, SyncJson.Compact) ?? [])
            .ToList();
        if (foreign.Count > 0)
        {
            await dispatcher.DispatchRemoteAsync(foreign.Count > 200 ? [ContentChange.All] : foreign, ct);
        }

        foreach (var row in fresh)
        {
            _seen[row.Id] = row.CreatedUtc;
        }

        foreach (var old in _seen.Where(s => s.Value < since).Select(s => s.Key).ToList())
        {
            _seen.Remove(old);
        }

        if (rows.Count > 0)
        {
            dispatcher.LastAppliedId = Math.Max(last, rows[^1].Id);
        }

        await db.ContentChanges.Where(c => c.CreatedUtc < now.AddDays(-1)).ExecuteDeleteAsync(ct);
    }

    /// <summary>Asks each in-memory cache whether it still matches the database; any that does not triggers a full reload.</summary>
    public async Task<bool> ReconcileAsync(CancellationToken ct)
    {
        _lastReconcile = clock.GetUtcNow().UtcDateTime;
        await using var db = dbFactory.CreateDbContext();
        foreach (var probe in probes)
        {
            if (!await probe.MatchesDatabaseAsync(db, ct))
            {
                logger.LogWarning("{Cache} does not match the database; reloading everything", probe.GetType().Name);
                await dispatcher.DispatchRemoteAsync([ContentChange.All], ct);
                return false;
            }
        }

        return true;
    }
}

/// <summary>An in-memory cache that can tell, cheaply, whether it still matches the database.</summary>
public interface IContentCacheProbe
{
    Task<bool> MatchesDatabaseAsync(SiteDbContext db, CancellationToken ct);
}
