using System.Collections.Frozen;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Spcncl.Content;
using Spcncl.Content.DocumentTypes;
using Spcncl.Content.Notifications;
using Spcncl.Localization;
using Spcncl.Persistence;

namespace Spcncl.Published;

/// <summary>
/// Owns the current <see cref="PublishedSnapshot"/>: loads it in bulk at start-up (three queries, whatever the number
/// of documents), and on each change instruction reloads only the documents named, then swaps a new snapshot in.
/// </summary>
public sealed class PublishedSnapshotService(
    SiteDbContextFactory dbFactory,
    DocumentTypeRegistry types,
    SiteCultures cultures,
    ILogger<PublishedSnapshotService> logger)
    : INotificationHandler<ContentChangedNotification>, IPublishedRouteLookup, Hosting.ISiteLoader, IContentCacheProbe, IDisposable
{
    private readonly SemaphoreSlim _swap = new(1, 1);
    private volatile PublishedSnapshot _current = PublishedSnapshot.Empty(cultures);
    private long _generation;

    public PublishedSnapshot Current => _current;

    /// <summary>When the current snapshot was swapped in.</summary>
    public DateTime? LoadedUtc { get; private set; }

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await _swap.WaitAsync(ct);
        try
        {
            var watch = Stopwatch.StartNew();
            await using var db = dbFactory.CreateDbContext();
            var documents = await LoadDocumentsAsync(db, ids: null, ct);
            var redirects = await LoadRedirectsAsync(db, ct);
            var manual = await LoadManualRedirectsAsync(db, ct);
            Swap(PublishedSnapshot.Build(Interlocked.Increment(ref _generation), cultures, documents, redirects, manual));
            logger.LogInformation("Published snapshot loaded: {Count} documents in {Elapsed} ms", documents.Count, watch.ElapsedMilliseconds);
        }
        finally
        {
            _swap.Release();
        }
    }

    /// <summary>The snapshot matches when it holds as many published variants as the database, the newest published at the same time.</summary>
    public async Task<bool> MatchesDatabaseAsync(SiteDbContext db, CancellationToken ct)
    {
        var snapshot = _current;
        var known = types.Current.All.Select(t => t.Alias).ToList();
        var published = db.DocumentCultures.Where(c => c.IsPublished && !c.Document!.Trashed && known.Contains(c.Document.ContentType));
        var count = await published.CountAsync(ct);
        var newest = await published.MaxAsync(c => c.PublishedUtc, ct);
        var inMemory = snapshot.Documents.Sum(d => d.Variants.Count);
        var manualRedirects = await db.ManualRedirects.CountAsync(ct);
        return count == inMemory && manualRedirects == snapshot.ManualRedirects.Count && (newest is null ? snapshot.LastPublishedUtc is null : snapshot.LastPublishedUtc is { } last && Math.Abs((last - newest.Value).TotalMilliseconds) < 1);
    }

    /// <summary>At start-up: load unless the uSync import's own change notification already did.</summary>
    Task Hosting.ISiteLoader.LoadAsync(CancellationToken ct) => LoadedUtc is null ? LoadAsync(ct) : Task.CompletedTask;

    public async Task HandleAsync(ContentChangedNotification notification, CancellationToken cancellationToken)
    {
        if (notification.Changes.Any(c => c.Kind == ContentChangeKind.RefreshAll))
        {
            await LoadAsync(cancellationToken);
            return;
        }

        if (!notification.Changes.Any(c => c.IsDocumentChange))
        {
            if (notification.Changes.Any(c => c.Kind == ContentChangeKind.RefreshRedirects))
            {
                await ReloadRedirectsAsync(cancellationToken);
            }

            return;
        }

        await _swap.WaitAsync(cancellationToken);
        try
        {
            var ids = notification.Changes.Where(c => c.IsDocumentChange).SelectMany(c => c.DocumentIds).ToHashSet();
            await using var db = dbFactory.CreateDbContext();
            var reloaded = await LoadDocumentsAsync(db, ids, cancellationToken);
            var redirects = await LoadRedirectsAsync(db, cancellationToken);
            var manual = await LoadManualRedirectsAsync(db, cancellationToken);
            var documents = _current.Documents.Where(d => !ids.Contains(d.Id)).Concat(reloaded);
            Swap(PublishedSnapshot.Build(Interlocked.Increment(ref _generation), cultures, documents, redirects, manual));
        }
        finally
        {
            _swap.Release();
        }
    }

    /// <summary>Redirects changed and nothing else: the same documents, the redirects read again.</summary>
    private async Task ReloadRedirectsAsync(CancellationToken ct)
    {
        await _swap.WaitAsync(ct);
        try
        {
            await using var db = dbFactory.CreateDbContext();
            var redirects = await LoadRedirectsAsync(db, ct);
            var manual = await LoadManualRedirectsAsync(db, ct);
            Swap(PublishedSnapshot.Build(Interlocked.Increment(ref _generation), cultures, _current.Documents, redirects, manual));
        }
        finally
        {
            _swap.Release();
        }
    }

    public IReadOnlyList<BranchUrl> BranchUrls(int documentId)
    {
        var snapshot = _current;
        return snapshot.Get(documentId) is { } document ? UrlsOf(snapshot, snapshot.Branch(document)) : [];
    }

    /// <summary>
    /// Builds a small snapshot of just the new parent's ancestors, the pending document and its current descendants,
    /// with the same rule as the real one, and reads the branch's URLs from it.
    /// </summary>
    public IReadOnlyList<BranchUrl> BranchUrlsAfter(PendingDocument pending)
    {
        var snapshot = _current;
        if (!types.Current.TryGet(pending.ContentType, out var type))
        {
            return [];
        }

        var now = DateTime.UtcNow;
        var document = new PublishedDocument(
            pending.Id,
            pending.Key,
            pending.ParentId,
            pending.SortOrder,
            type,
            now,
            FrozenDictionary<string, JsonElement>.Empty,
            pending.PublishedSegments.ToFrozenDictionary(
                s => s.Key,
                s => new PublishedVariant(s.Key, s.Value, s.Value, now, now, FrozenDictionary<string, JsonElement>.Empty),
                StringComparer.Ordinal));
        var documents = new List<PublishedDocument> { document };
        for (var parent = pending.ParentId is { } p ? snapshot.Get(p) : null; parent is not null; parent = snapshot.Parent(parent))
        {
            documents.Add(parent);
        }

        if (snapshot.Get(pending.Id) is { } current)
        {
            documents.AddRange(snapshot.Branch(current).Skip(1));
        }

        var preview = PublishedSnapshot.Build(0, cultures, documents, []);
        return UrlsOf(preview, preview.Branch(document));
    }

    private static List<BranchUrl> UrlsOf(PublishedSnapshot snapshot, IEnumerable<PublishedDocument> branch) =>
        [.. branch.SelectMany(d => snapshot.CulturesOf(d).Where(p => p.Url is not null).Select(p => new BranchUrl(d.Key, p.Culture, p.Url!)))];

    public void Dispose() => _swap.Dispose();

    private void Swap(PublishedSnapshot snapshot)
    {
        _current = snapshot;
        LoadedUtc = DateTime.UtcNow;
    }

    private async Task<List<PublishedDocument>> LoadDocumentsAsync(SiteDbContext db, IReadOnlyCollection<int>? ids, CancellationToken ct)
    {
        var documentQuery = db.Documents.AsNoTracking().Where(d => !d.Trashed && d.Cultures.Any(c => c.IsPublished));
        var variantQuery = db.DocumentCultures.AsNoTracking().Where(c => c.IsPublished && !c.Document!.Trashed);
        if (ids is not null)
        {
            var list = ids.ToList();
            documentQuery = documentQuery.Where(d => list.Contains(d.Id));
            variantQuery = variantQuery.Where(c => list.Contains(c.DocumentId));
        }

        var rows = await documentQuery
            .Select(d => new { d.Id, d.Key, d.ParentId, d.SortOrder, d.ContentType, d.CreatedUtc, d.PublishedSharedValues })
            .ToListAsync(ct);
        var variants = (await variantQuery
            .Select(c => new { c.DocumentId, c.Culture, c.PublishedName, c.PublishedUrlSegment, c.PublishedValues, c.PublishedUtc, c.UpdatedUtc })
            .ToListAsync(ct))
            .ToLookup(c => c.DocumentId);

        var typeSet = types.Current;
        var result = new List<PublishedDocument>(rows.Count);
        foreach (var row in rows)
        {
            if (!typeSet.TryGet(row.ContentType, out var type))
            {
                logger.LogWarning("Document {Id} has the unknown document type {Type}; it is left out of the site", row.Id, row.ContentType);
                continue;
            }

            result.Add(new PublishedDocument(
                row.Id,
                row.Key,
                row.ParentId,
                row.SortOrder,
                type,
                row.CreatedUtc,
                ReadValues(row.PublishedSharedValues),
                variants[row.Id].ToFrozenDictionary(
                    v => v.Culture,
                    v => new PublishedVariant(v.Culture, v.PublishedName!, v.PublishedUrlSegment!, v.PublishedUtc!.Value, v.UpdatedUtc, ReadValues(v.PublishedValues)),
                    StringComparer.Ordinal)));
        }

        return result;
    }

    private static async Task<List<RedirectEntry>> LoadRedirectsAsync(SiteDbContext db, CancellationToken ct) =>
        await db.Redirects.AsNoTracking().Select(r => new RedirectEntry(r.Path, r.Culture, r.DocumentKey)).ToListAsync(ct);

    private static async Task<List<ManualRedirectEntry>> LoadManualRedirectsAsync(SiteDbContext db, CancellationToken ct) =>
        await db.ManualRedirects.AsNoTracking().Select(r => new ManualRedirectEntry(r.Id, r.Path, r.Target, r.CreatedBy, r.CreatedUtc)).ToListAsync(ct);

    private static FrozenDictionary<string, JsonElement> ReadValues(string? json) =>
        string.IsNullOrEmpty(json)
            ? FrozenDictionary<string, JsonElement>.Empty
            : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!.ToFrozenDictionary(StringComparer.Ordinal);
}
