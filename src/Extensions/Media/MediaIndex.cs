using System.Collections.Frozen;
using Microsoft.EntityFrameworkCore;
using Spcncl.Content.Notifications;
using Spcncl.Persistence;

namespace Spcncl.Media;

/// <summary>
/// Every media item's metadata in memory, so pages and the image endpoint never query the database per request.
/// Loaded in one query at start-up; items named by a change instruction are reloaded and swapped in.
/// </summary>
public sealed class MediaIndex(SiteDbContextFactory dbFactory) : INotificationHandler<ContentChangedNotification>, IContentCacheProbe, IDisposable
{
    private readonly SemaphoreSlim _swap = new(1, 1);
    private volatile FrozenDictionary<Guid, MediaItem> _byKey = FrozenDictionary<Guid, MediaItem>.Empty;

    public int Count => _byKey.Count;

    public IEnumerable<MediaItem> All => _byKey.Values;

    public MediaItem? Get(Guid key) => _byKey.GetValueOrDefault(key);

    public MediaItem? Get(string? key) => Guid.TryParse(key, out var parsed) ? Get(parsed) : null;

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await _swap.WaitAsync(ct);
        try
        {
            await using var db = dbFactory.CreateDbContext();
            var rows = await db.MediaItems.AsNoTracking().ToListAsync(ct);
            _byKey = rows.Select(MediaLibrary.ToItem).ToFrozenDictionary(m => m.Key);
        }
        finally
        {
            _swap.Release();
        }
    }

    public async Task HandleAsync(ContentChangedNotification notification, CancellationToken cancellationToken)
    {
        if (notification.Changes.Any(c => c.Kind == ContentChangeKind.RefreshAll))
        {
            await LoadAsync(cancellationToken);
            return;
        }

        var ids = notification.Changes.Where(c => c.Kind == ContentChangeKind.RefreshMedia).SelectMany(c => c.DocumentIds).ToList();
        if (ids.Count == 0)
        {
            return;
        }

        await _swap.WaitAsync(cancellationToken);
        try
        {
            await using var db = dbFactory.CreateDbContext();
            var rows = await db.MediaItems.AsNoTracking().Where(m => ids.Contains(m.Id)).ToListAsync(cancellationToken);
            var items = _byKey.Values.Where(m => !ids.Contains(m.Id)).Concat(rows.Select(MediaLibrary.ToItem));
            _byKey = items.ToFrozenDictionary(m => m.Key);
        }
        finally
        {
            _swap.Release();
        }
    }

    public async Task<bool> MatchesDatabaseAsync(SiteDbContext db, CancellationToken ct)
    {
        var items = _byKey;
        var count = await db.MediaItems.CountAsync(ct);
        var versions = await db.MediaItems.SumAsync(m => (long)m.Version, ct);
        return count == items.Count && versions == items.Values.Sum(m => (long)m.Version);
    }

    public void Dispose() => _swap.Dispose();
}
