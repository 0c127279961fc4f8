using System.Collections.Concurrent;

namespace Spcncl.Published;

/// <summary>
/// A value derived from one snapshot in one culture (what a list shows in which order, which pages exist), worked out at
/// the first request that needs it and forgotten when the snapshot is swapped. Only what depends on nothing but the
/// snapshot belongs here: not the clock, the media library or the dictionary, which change without a swap.
/// </summary>
public sealed class PerSnapshot<T>(Func<PublishedSnapshot, string, T> build)
{
    private Entry? _current;

    public T Get(PublishedSnapshot snapshot, string culture)
    {
        var entry = _current;
        if (entry?.Snapshot != snapshot)
        {
            // A request still reading the previous snapshot can replace a newer entry: the next request rebuilds it.
            // Each entry answers only for its own snapshot, so no request ever sees another snapshot's values.
            entry = new Entry(snapshot, new ConcurrentDictionary<string, T>(StringComparer.Ordinal));
            _current = entry;
        }

        return entry.ByCulture.GetOrAdd(culture, static (culture, state) => state.Build(state.Snapshot, culture), (Build: build, Snapshot: snapshot));
    }

    private sealed record Entry(PublishedSnapshot Snapshot, ConcurrentDictionary<string, T> ByCulture);
}
