using System.Text.Json;

namespace Spcncl.Content.Documents;

/// <summary>
/// Which properties of stored values name a key: a picker's value, an item of a multi picker, a key-value row, or a
/// text that carries it (a media URL in Markdown holds the key without hyphens).
/// </summary>
internal static class ContentReferences
{
    public static IEnumerable<string> Aliases(string? json, Guid key) =>
        ContentJson.ReadValues(json).Where(p => Mentions(p.Value, key)).Select(p => p.Key).Order(StringComparer.Ordinal);

    private static bool Mentions(JsonElement value, Guid key) => value.ValueKind switch
    {
        JsonValueKind.String => Names(value.GetString()!, key),
        JsonValueKind.Array => value.EnumerateArray().Any(item => Mentions(item, key)),
        JsonValueKind.Object => value.EnumerateObject().Any(property => Mentions(property.Value, key)),
        _ => false,
    };

    private static bool Names(string text, Guid key) =>
        Guid.TryParse(text, out var parsed)
            ? parsed == key
            : text.Contains(key.ToString("D"), StringComparison.OrdinalIgnoreCase) || text.Contains(key.ToString("N"), StringComparison.OrdinalIgnoreCase);
}
