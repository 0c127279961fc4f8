namespace Spcncl.Search;

/// <summary>
/// A rebuild of the search index started from the back office, and how far it has got: the index keeps answering
/// from its live generation while the new one is built beside it, then swaps. One rebuild at a time; asking again
/// while one runs returns the running one.
/// </summary>
public sealed class SearchRebuilds(SearchIndex index, TimeProvider clock)
{
    private readonly Lock _lock = new();
    private SearchRebuildProgress _last = SearchRebuildProgress.None;

    public SearchRebuildProgress Current
    {
        get
        {
            lock (_lock)
            {
                return _last;
            }
        }
    }

    /// <summary>Starts a rebuild (or joins the one under way) and returns its progress so far.</summary>
    public SearchRebuildProgress Start(string user)
    {
        lock (_lock)
        {
            if (_last.Running || index.IsRebuilding)
            {
                return _last;
            }

            _last = new SearchRebuildProgress(true, 0, 0, clock.GetUtcNow().UtcDateTime, null, user, Failed: false);
        }

        var progress = new Reporter(this);
        var rebuild = index.StartRebuild(progress);
        _ = rebuild.ContinueWith(
            task => Finish(task.IsCompletedSuccessfully),
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return Current;
    }

    private void Report(int done, int total)
    {
        lock (_lock)
        {
            if (_last.Running && done >= _last.Done)
            {
                _last = _last with { Done = done, Total = total };
            }
        }
    }

    private void Finish(bool succeeded)
    {
        lock (_lock)
        {
            _last = _last with { Running = false, Done = succeeded ? _last.Total : _last.Done, FinishedUtc = clock.GetUtcNow().UtcDateTime, Failed = !succeeded };
        }
    }

    /// <summary>Reports arrive on the rebuild's threads: recorded at once, the highest count kept.</summary>
    private sealed class Reporter(SearchRebuilds owner) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => owner.Report(value.Done, value.Total);
    }
}

/// <param name="Done">Documents indexed so far out of <paramref name="Total"/> (reported every few hundred, and at the end).</param>
public sealed record SearchRebuildProgress(bool Running, int Done, int Total, DateTime? StartedUtc, DateTime? FinishedUtc, string? StartedBy, bool Failed)
{
    public static readonly SearchRebuildProgress None = new(false, 0, 0, null, null, null, false);

    /// <summary>0–100.</summary>
    public int Percent => Total == 0 ? (Running ? 0 : 100) : (int)Math.Round(100.0 * Done / Total);
}
