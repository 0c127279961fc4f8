using System.Collections.Concurrent;

namespace Spcncl.Media;

/// <summary>
/// Values made once per key and remembered, for what pages ask again and again (the signed URL of an image at a width,
/// an image's srcset): emptied when it holds <c>capacity</c> entries, so memory stays bounded whatever the catalogue's
/// size. Only for keys that fix their value (a media file is fixed by its key and version).
/// </summary>
public sealed class BoundedMemo<TKey, TValue>(int capacity)
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _made = new();

    public TValue Get<TState>(TKey key, TState state, Func<TKey, TState, TValue> make)
    {
        if (_made.TryGetValue(key, out var value))
        {
            return value;
        }

        if (_made.Count >= capacity)
        {
            _made.Clear();
        }

        value = make(key, state);
        _made[key] = value;
        return value;
    }
}
