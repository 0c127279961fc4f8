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
            // The poller's periodic full check will bring the cache back.
            logger.LogError(ex, "A content-change handler failed after commit; caches will catch up on the next refresh");
        }
    }

    internal async Task DispatchRemoteAsync(IReadOnlyList<ContentChange> changes, CancellationToken ct) =>
        await publisher.PublishAsync(new ContentChangedNotification(changes, FromOtherInstance: true), ct);
}

/// <summary>
/// Applies the change instructions written by other instances sharing the database, every couple of seconds,
/// so their published snapshots converge. Old instructions are pruned.
/// </summary>
public sealed class ContentChangePoller(
    SiteDbContextFactory dbFactory,
    ContentChangeDispatcher dispatcher,
    InstanceIdentity instance,
    ILogger<ContentChangePoller> logger,
    TimeProvider clock) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await PollOnceAsync(stoppingToken);
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
        await using var db = dbFactory.CreateDbContext();
        var last = dispatcher.LastAppliedId;
        var rows = await db.ContentChanges.AsNoTracking().Where(c => c.Id > last).OrderBy(c => c.Id).Take(500).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return;
        }

        var foreign = rows.Where(r => r.OriginInstance != instance.Id)
            .SelectMany(r => JsonSerializer.Deserialize<List<ContentChange>>(r.Instruction, SyncJson.Compact) ?? [])
            .ToList();
        if (foreign.Count > 0)
        {
            await dispatcher.DispatchRemoteAsync(foreign.Count > 200 ? [ContentChange.All] : foreign, ct);
        }

        dispatcher.LastAppliedId = rows[^1].Id;
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        await db.ContentChanges.Where(c => c.CreatedUtc < cutoff).ExecuteDeleteAsync(ct);
    }
}
