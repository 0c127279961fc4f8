using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;

namespace Spcncl.Publicity;

/// <summary>
/// Counts downloads of the documents and forms without slowing them: a download adds one in memory; a background
/// loop adds the sums to the database every few seconds (and once more when the site stops). Several instances each
/// add their own sums, so the totals stay right on a farm.
/// </summary>
public sealed class DownloadCounter(SiteDbContextFactory dbFactory, TimeProvider clock, ILogger<DownloadCounter> logger) : BackgroundService
{
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(5);

    private ConcurrentDictionary<(Guid Document, Guid Media), long> _pending = new();

    public void Count(Guid documentKey, Guid mediaKey) => _pending.AddOrUpdate((documentKey, mediaKey), 1, (_, n) => n + 1);

    /// <summary>Downloads of a document's files, stored and not yet stored.</summary>
    public async Task<long> TotalAsync(Guid documentKey, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var stored = await db.DownloadCounts.Where(d => d.DocumentKey == documentKey).SumAsync(d => d.Count, ct);
        return stored + _pending.Where(p => p.Key.Document == documentKey).Sum(p => p.Value);
    }

    /// <summary>Adds what was counted since the last flush to the database.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var batch = Interlocked.Exchange(ref _pending, new ConcurrentDictionary<(Guid Document, Guid Media), long>());
        if (batch.IsEmpty)
        {
            return;
        }

        try
        {
            await using var db = dbFactory.CreateDbContext();
            var documents = batch.Keys.Select(k => k.Document).Distinct().ToList();
            var rows = await db.DownloadCounts.Where(d => documents.Contains(d.DocumentKey)).ToDictionaryAsync(d => (d.DocumentKey, d.MediaKey), ct);
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var ((document, media), count) in batch)
            {
                if (!rows.TryGetValue((document, media), out var row))
                {
                    row = new DownloadCountEntity { DocumentKey = document, MediaKey = media };
                    db.DownloadCounts.Add(row);
                }

                row.Count += count;
                row.LastUtc = now;
            }

            await db.SaveChangesAsync(ct);
        }
        catch (Exception ex) when (ex is DbUpdateException or InvalidOperationException or OperationCanceledException)
        {
            // Counts are worth keeping but never worth failing for: put them back for the next round.
            foreach (var (key, count) in batch)
            {
                _pending.AddOrUpdate(key, count, (_, n) => n + count);
            }

            logger.LogWarning(ex, "Download counts could not be stored; they will be tried again");
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FlushAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(CancellationToken.None);
    }
}
