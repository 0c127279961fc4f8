using System.Collections.Frozen;

namespace Spcncl.Localization;

/// <summary>The UI strings (menus, buttons, messages, labels) of every culture, immutable; replaced as a whole when edited.</summary>
public sealed class SiteDictionary
{
    private readonly FrozenDictionary<string, FrozenDictionary<string, string>> _byCulture;
    private readonly string _defaultCulture;

    public SiteDictionary(IEnumerable<DictionaryEntry> entries, string defaultCulture)
    {
        _defaultCulture = defaultCulture;
        var list = entries.ToList();
        _byCulture = list.GroupBy(e => e.Culture, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.ToFrozenDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal), StringComparer.Ordinal);
        Keys = [.. list.Select(e => e.Key).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
        Entries = list;
    }

    public IReadOnlyList<string> Keys { get; }

    public IReadOnlyList<DictionaryEntry> Entries { get; }

    public bool TryGet(string culture, string key, out string value)
    {
        if (_byCulture.TryGetValue(culture, out var strings) && strings.TryGetValue(key, out value!))
        {
            return true;
        }

        value = "";
        return false;
    }

    /// <summary>The string in <paramref name="culture"/>, else in the default culture, else the key in brackets (so a gap is visible, never blank).</summary>
    public string Get(string culture, string key) =>
        TryGet(culture, key, out var value) || TryGet(_defaultCulture, key, out value) ? value : $"[{key}]";
}

public sealed record DictionaryEntry(string Key, string Culture, string Value);
