using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Logging;
using Spcncl.Hosting;
using Spcncl.Localization;
using Spcncl.Published;
using Directory = System.IO.Directory;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Spcncl.Search;

/// <summary>
/// One Lucene index on disk under <c>App_Data/search/{name}</c>, built from the published snapshot. Each build is a
/// generation in its own folder; <c>current.json</c> names the live one. A rebuild writes a new generation while the
/// live one keeps answering (and keeps taking updates), replays what changed meanwhile, then swaps: searches never
/// see an empty or half-built index. One <see cref="IndexWriter"/> per generation; a <see cref="SearcherManager"/>
/// reopened by a timer every <see cref="RefreshInterval"/> when something changed, never per query.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromMilliseconds(100);
    public static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(5);

    private readonly SearchIndexDefinition _definition;
    private readonly PublishedSnapshotService _snapshots;
    private readonly SiteCultures _cultures;
    private readonly ILogger<SearchIndex> _logger;
    private readonly string _root;
    private readonly FileStream? _ownership;
    private readonly bool _private;
    private readonly object _swapLock = new();
    private readonly System.Threading.Lock _updateLock = new();
    private readonly Timer _refreshTimer;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<Guid, byte> _changedDuringRebuild = new();
    private readonly ConcurrentDictionary<int, bool> _removedDuringRebuild = new();
    private Generation? _live;
    private Task _rebuild = Task.CompletedTask;
    private volatile bool _rebuilding;
    private volatile bool _dirty;
    private long _lastCommitTicks = Stopwatch.GetTimestamp();
    private bool _disposed;

    public SearchIndex(SearchIndexDefinition definition, PublishedSnapshotService snapshots, SiteCultures cultures, SitePaths paths, ILogger<SearchIndex> logger)
    {
        _definition = definition;
        _snapshots = snapshots;
        _cultures = cultures;
        _logger = logger;
        _root = Path.Combine(paths.Data, "search", definition.Name);
        Directory.CreateDirectory(_root);
        try
        {
            // One process owns the shared index folder; another instance on the same data folder builds a private one.
            _ownership = new FileStream(Path.Combine(_root, "owner.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            _root = Path.Combine(paths.Data, "search", $"{definition.Name}-instance-{Guid.NewGuid():N}");
            _private = true;
            Directory.CreateDirectory(_root);
        }

        _refreshTimer = new Timer(_ => RefreshIfChanged(), null, RefreshInterval, RefreshInterval);
    }

    public SearchIndexDefinition Definition => _definition;

    /// <summary>Completes when the rebuild under way (if any) has swapped in.</summary>
    public Task WhenRebuilt => _rebuild;

    public bool IsRebuilding => _rebuilding;

    public DateTime? LastUpdateUtc { get; private set; }

    /// <summary>Opens the live generation if it is whole and current; otherwise starts a rebuild (searches answer from the old one, if any, meanwhile).</summary>
    public void Open()
    {
        var pointer = ReadPointer();
        var reason = "";
        if (pointer is { } p && p.SchemaVersion == _definition.SchemaVersion && TryOpen(Path.Combine(_root, p.Folder), out var generation, out reason))
        {
            lock (_swapLock)
            {
                _live = generation;
            }

            if (generation!.SnapshotStamp == Stamp(_snapshots.Current))
            {
                _logger.LogInformation("Search index '{Name}' opened: {Count} documents", _definition.Name, generation.DocumentCount);
                return;
            }

            _logger.LogInformation("Search index '{Name}' is older than the published content; rebuilding while it keeps answering", _definition.Name);
        }
        else if (pointer is not null)
        {
            _logger.LogWarning("Search index '{Name}' cannot be used ({Reason}); rebuilding it", _definition.Name, pointer.SchemaVersion != _definition.SchemaVersion ? $"schema {pointer.SchemaVersion}, expected {_definition.SchemaVersion}" : reason);
        }
        else
        {
            _logger.LogInformation("Search index '{Name}' does not exist yet; building it", _definition.Name);
        }

        StartRebuild();
    }

    /// <summary>Starts a rebuild unless one is under way; returns the task that completes when it has swapped in.</summary>
    public Task StartRebuild(IProgress<(int Done, int Total)>? progress = null)
    {
        lock (_swapLock)
        {
            if (_rebuilding)
            {
                return _rebuild;
            }

            _rebuilding = true;
            _changedDuringRebuild.Clear();
            _removedDuringRebuild.Clear();
            _rebuild = Task.Run(() => Rebuild(progress));
            return _rebuild;
        }
    }

    /// <summary>A searcher over the live generation; dispose the lease to release it. Null before the first build finishes.</summary>
    public SearcherLease? Acquire()
    {
        lock (_swapLock)
        {
            return _live?.Lease();
        }
    }

    /// <summary>Indexes the documents again from the current snapshot (deleting those no longer published).</summary>
    public void Update(IEnumerable<Guid> keys)
    {
        var snapshot = _snapshots.Current;
        lock (_updateLock)
        {
            var generation = _live;
            foreach (var key in keys.Distinct())
            {
                if (_rebuilding)
                {
                    _changedDuringRebuild[key] = 0;
                }

                if (generation is not null)
                {
                    Apply(generation, snapshot, key);
                }
            }

            generation?.Stamp(Stamp(snapshot));
            _dirty = true;
        }
    }

    /// <summary>Removes a document no longer published, and with <paramref name="branch"/> every indexed descendant.</summary>
    public void Remove(int documentId, bool branch)
    {
        lock (_updateLock)
        {
            if (_rebuilding)
            {
                _removedDuringRebuild[documentId] = branch;
            }

            if (_live is { } generation)
            {
                Delete(generation, documentId, branch);
                generation.Stamp(Stamp(_snapshots.Current));
            }

            _dirty = true;
        }
    }

    /// <summary>Makes every update so far visible to new searches now (tests; the timer does it within 100 ms).</summary>
    public void Refresh()
    {
        _dirty = false;
        _live?.Manager.MaybeRefreshBlocking();
    }

    public SearchIndexStatus Status()
    {
        using var lease = Acquire();
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (lease is not null)
        {
            var reader = lease.Searcher.IndexReader;
            foreach (var kind in Enum.GetValues<SearchKind>())
            {
                counts[SearchFields.KindValue(kind)] = reader.DocFreq(new Term(SearchFields.Kind, SearchFields.KindValue(kind)));
            }
        }

        return new SearchIndexStatus(_definition.Name, lease is not null, _rebuilding, lease?.Searcher.IndexReader.NumDocs ?? 0, counts, LastUpdateUtc);
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _refreshTimer.Dispose();
        _stopping.Cancel();
        try
        {
            _rebuild.Wait(TimeSpan.FromSeconds(30));
        }
        catch (AggregateException)
        {
            // Logged where it failed.
        }

        lock (_swapLock)
        {
            _live?.Retire(deleteFiles: _private);
            _live = null;
        }

        _ownership?.Dispose();
        _stopping.Dispose();
        if (_private)
        {
            try
            {
                Directory.Delete(_root, recursive: true);
            }
            catch (IOException)
            {
                // A search still holds a file; the folder is left for the operating system's temp clean-up.
            }
        }
    }

    /// <summary>What the index was built from: a rebuild is needed at start-up when the published content differs.</summary>
    private static string Stamp(PublishedSnapshot snapshot) =>
        $"{snapshot.Count}:{snapshot.LastPublishedUtc?.Ticks ?? 0}";

    private void Rebuild(IProgress<(int Done, int Total)>? progress)
    {
        var watch = Stopwatch.StartNew();
        Generation? built = null;
        try
        {
            var folder = $"{DateTime.UtcNow:yyyyMMddHHmmss}-{Guid.NewGuid():N}"[..30];
            built = Generation.Create(Path.Combine(_root, folder), folder, rebuilding: true);
            var snapshot = _snapshots.Current;
            var documents = snapshot.Documents.ToList();
            var done = 0;
            Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = _stopping.Token }, document =>
            {
                if (_definition.Build(document, snapshot) is { } values)
                {
                    built.Writer.AddDocument(SearchFields.ToDocument(values, _cultures.Codes));
                }

                var count = Interlocked.Increment(ref done);
                if (count % 500 == 0 || count == documents.Count)
                {
                    progress?.Report((count, documents.Count));
                }
            });

            // One segment: each word of a search is then looked up once, not once per segment, and a search allocated
            // half as much (100,000 products: 4 segments merged in about 4 s; updates then add small ones, merged as usual).
            built.Writer.ForceMerge(1);

            lock (_updateLock)
            {
                // Whatever changed while we were building is indexed again from the content as it is now.
                var latest = _snapshots.Current;
                foreach (var (id, branch) in _removedDuringRebuild)
                {
                    Delete(built, id, branch);
                }

                foreach (var key in _changedDuringRebuild.Keys)
                {
                    Apply(built, latest, key);
                }

                built.Stamp(Stamp(latest));
                built.Writer.Commit();
                built.Manager.MaybeRefreshBlocking();
                WritePointer(new IndexPointer(built.Folder, _definition.SchemaVersion));
                Generation? old;
                lock (_swapLock)
                {
                    old = _live;
                    _live = built;
                    _rebuilding = false;
                }

                old?.Retire();
            }

            LastUpdateUtc = DateTime.UtcNow;
            _logger.LogInformation("Search index '{Name}' rebuilt: {Count} documents in {Elapsed} ms", _definition.Name, built.DocumentCount, watch.ElapsedMilliseconds);
            DeleteOtherGenerations(built.Folder);
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Shutting down: the half-built generation is dropped; the next start builds again.
            _rebuilding = false;
            built?.Retire(deleteFiles: true);
        }
        catch (Exception ex)
        {
            _rebuilding = false;
            built?.Retire(deleteFiles: true);
            _logger.LogError(ex, "Rebuilding search index '{Name}' failed; the previous index (if any) keeps answering", _definition.Name);
            throw;
        }
    }

    private static void Delete(Generation generation, int documentId, bool branch)
    {
        var id = documentId.ToString(CultureInfo.InvariantCulture);
        generation.Writer.DeleteDocuments(branch ? [new Term(SearchFields.Id, id), new Term(SearchFields.Ancestor, id)] : [new Term(SearchFields.Id, id)]);
    }

    private void Apply(Generation generation, PublishedSnapshot snapshot, Guid key)
    {
        var term = new Term(SearchFields.Key, key.ToString("N"));
        if (snapshot.Get(key) is { } document && _definition.Build(document, snapshot) is { } values)
        {
            generation.Writer.UpdateDocument(term, SearchFields.ToDocument(values, _cultures.Codes));
        }
        else
        {
            generation.Writer.DeleteDocuments(term);
        }

        LastUpdateUtc = DateTime.UtcNow;
    }

    private void RefreshIfChanged()
    {
        try
        {
            var generation = _live;
            if (generation is null)
            {
                return;
            }

            if (_dirty)
            {
                _dirty = false;
                generation.Manager.MaybeRefresh();
            }

            if (generation.HasUncommitted && Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastCommitTicks)) > CommitInterval)
            {
                lock (_updateLock)
                {
                    generation.Writer.Commit();
                }

                Interlocked.Exchange(ref _lastCommitTicks, Stopwatch.GetTimestamp());
            }
        }
        catch (ObjectDisposedException)
        {
            // Swapped out or shutting down between the read and the call: the next tick uses the new generation.
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "Refreshing search index '{Name}' failed; retrying", _definition.Name);
        }
    }

    private static bool TryOpen(string path, out Generation? generation, out string reason)
    {
        generation = null;
        try
        {
            if (!Directory.Exists(path))
            {
                reason = "its folder is missing";
                return false;
            }

            generation = Generation.Create(path, Path.GetFileName(path), rebuilding: false);
            reason = "";
            return true;
        }
        catch (Exception ex) when (ex is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException or LockObtainFailedException or UnauthorizedAccessException)
        {
            reason = ex.Message;
            return false;
        }
    }

    private IndexPointer? ReadPointer()
    {
        var file = Path.Combine(_root, "current.json");
        try
        {
            return File.Exists(file) ? JsonSerializer.Deserialize<IndexPointer>(File.ReadAllText(file)) : null;
        }
        catch (JsonException ex)
        {
            _logger.LogWarning(ex, "Search index pointer {File} is damaged", file);
            return new IndexPointer("", -1);
        }
    }

    private void WritePointer(IndexPointer pointer)
    {
        Directory.CreateDirectory(_root);
        var file = Path.Combine(_root, "current.json");
        var temporary = file + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(pointer));
        File.Move(temporary, file, overwrite: true);
    }

    private void DeleteOtherGenerations(string keep)
    {
        foreach (var folder in Directory.EnumerateDirectories(_root).Where(f => Path.GetFileName(f) != keep))
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // Still open by a search finishing on the old generation; removed after the next rebuild.
            }
        }
    }

    private sealed record IndexPointer(string Folder, int SchemaVersion);

    /// <summary>One build of the index: its folder, writer and searcher manager, released when swapped out and unused.</summary>
    private sealed class Generation
    {
        private const string StampKey = "snapshot";
        private readonly string _path;
        private int _leases;
        private bool _retired;
        private readonly System.Threading.Lock _closeLock = new();
        private bool _closed;
        private bool _deleteFiles;

        private Generation(string path, string folder, LuceneDirectory directory, IndexWriter writer)
        {
            _path = path;
            Folder = folder;
            Directory = directory;
            Writer = writer;
            Manager = new SearcherManager(writer, applyAllDeletes: true, new SegmentFacets.Warmer());
            SnapshotStamp = writer.CommitData is { } data && data.TryGetValue(StampKey, out var stamp) ? stamp : null;
        }

        public string Folder { get; }

        public LuceneDirectory Directory { get; }

        public IndexWriter Writer { get; }

        public SearcherManager Manager { get; }

        public string? SnapshotStamp { get; private set; }

        public int DocumentCount => Writer.NumDocs;

        public bool HasUncommitted => Writer.HasUncommittedChanges();

        public static Generation Create(string path, string folder, bool rebuilding)
        {
            System.IO.Directory.CreateDirectory(path);
            // Positional file reads, the operating system's page cache doing the caching. Lucene.Net's memory-mapped
            // directory (what FSDirectory.Open picks) keeps a weak reference to every clone of an open file, and a search
            // makes hundreds: each young-generation collection then took longer than the last (7 ms, then 34 ms after
            // 6,000 searches, until a full collection), and reads were slower besides.
            var directory = new NIOFSDirectory(new DirectoryInfo(path));
            if (!rebuilding && !DirectoryReader.IndexExists(directory))
            {
                directory.Dispose();
                throw new IOException("the folder holds no index");
            }

            var config = new IndexWriterConfig(SearchAnalysis.Version, SearchAnalysis.PerField)
            {
                OpenMode = rebuilding ? OpenMode.CREATE : OpenMode.APPEND,
                RAMBufferSizeMB = rebuilding ? 64 : 16,
            };
            try
            {
                return new Generation(path, folder, directory, new IndexWriter(directory, config));
            }
            catch
            {
                directory.Dispose();
                throw;
            }
        }

        public void Stamp(string stamp)
        {
            SnapshotStamp = stamp;
            Writer.SetCommitData(new Dictionary<string, string> { [StampKey] = stamp });
        }

        public SearcherLease Lease()
        {
            Interlocked.Increment(ref _leases);
            return new SearcherLease(this, Manager.Acquire());
        }

        public void Release(IndexSearcher searcher)
        {
            Manager.Release(searcher);
            if (Interlocked.Decrement(ref _leases) == 0 && Volatile.Read(ref _retired))
            {
                Close();
            }
        }

        public void Retire(bool deleteFiles = false)
        {
            _deleteFiles = deleteFiles;
            Volatile.Write(ref _retired, true);
            if (Volatile.Read(ref _leases) == 0)
            {
                Close();
            }
        }

        private void Close()
        {
            // Never lock the writer itself: Lucene.Net synchronises on it internally.
            lock (_closeLock)
            {
                if (_closed || !Volatile.Read(ref _retired))
                {
                    return;
                }

                _closed = true;
                try
                {
                    Manager.Dispose();
                    if (!_deleteFiles)
                    {
                        Writer.Commit();
                    }

                    Writer.Dispose();
                    Directory.Dispose();
                    if (_deleteFiles)
                    {
                        System.IO.Directory.Delete(_path, recursive: true);
                    }
                }
                catch (Exception ex) when (ex is IOException or ObjectDisposedException)
                {
                    // Already closed by a concurrent release.
                }
            }
        }
    }

    /// <summary>A searcher borrowed from a generation; disposing gives it back (and lets a swapped-out generation close).</summary>
    public sealed class SearcherLease : IDisposable
    {
        private readonly Generation _generation;
        private int _released;

        internal SearcherLease(object generation, IndexSearcher searcher)
        {
            _generation = (Generation)generation;
            Searcher = searcher;
        }

        public IndexSearcher Searcher { get; }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _generation.Release(Searcher);
            }
        }
    }
}

/// <summary>For <c>/health</c> and the back office: is there an index, is it being rebuilt, what it holds.</summary>
public sealed record SearchIndexStatus(string Name, bool Ready, bool Rebuilding, int Documents, IReadOnlyDictionary<string, int> ByKind, DateTime? LastUpdateUtc);
