using System.Collections.Frozen;

namespace Spcncl.Content.DocumentTypes;

/// <summary>A short text given in each culture (a label, a name). Falls back to the first culture given.</summary>
public sealed class LocalizedText
{
    private readonly FrozenDictionary<string, string> _values;

    public LocalizedText(IReadOnlyDictionary<string, string> values)
    {
        if (values.Count == 0)
        {
            throw new ArgumentException("A localized text needs at least one culture.", nameof(values));
        }

        _values = values.ToFrozenDictionary(StringComparer.Ordinal);
        Cultures = [.. values.Keys];
    }

    public IReadOnlyList<string> Cultures { get; }

    public string this[string culture] => _values.TryGetValue(culture, out var value) ? value : _values[Cultures[0]];

    public bool Has(string culture) => _values.ContainsKey(culture);

    public IReadOnlyDictionary<string, string> ToDictionary() => _values;
}
