using System.Text.Json;
using Spcncl.Sync;

namespace Spcncl.Content.Documents;

/// <summary>How property values and version data are stored in the database: compact JSON with properties in alias order, so equal content gives equal text.</summary>
internal static class ContentJson
{
    public static Dictionary<string, JsonElement> ReadValues(string? json) =>
        string.IsNullOrEmpty(json)
            ? new Dictionary<string, JsonElement>(StringComparer.Ordinal)
            : new Dictionary<string, JsonElement>(JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json)!, StringComparer.Ordinal);

    public static string WriteValues(IReadOnlyDictionary<string, JsonElement> values) =>
        JsonSerializer.Serialize(values.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value), SyncJson.Compact);

    public static string WriteData(DocumentData data) => JsonSerializer.Serialize(ToStored(data), SyncJson.Compact);

    public static DocumentData ReadData(string json)
    {
        var stored = JsonSerializer.Deserialize<StoredData>(json, SyncJson.Compact)!;
        return new DocumentData(
            new Dictionary<string, JsonElement>(stored.Shared, StringComparer.Ordinal),
            stored.Cultures.ToDictionary(
                c => c.Key,
                c => new VariantData(c.Value.Name, c.Value.Segment, c.Value.CustomSegment, new Dictionary<string, JsonElement>(c.Value.Values, StringComparer.Ordinal)),
                StringComparer.Ordinal));
    }

    private static StoredData ToStored(DocumentData data) => new(
        data.Shared.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value),
        data.Cultures.OrderBy(c => c.Key, StringComparer.Ordinal).ToDictionary(
            c => c.Key,
            c => new StoredVariant(c.Value.Name, c.Value.UrlSegment, c.Value.CustomSegment, c.Value.Values.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value))));

    private sealed record StoredData(Dictionary<string, JsonElement> Shared, Dictionary<string, StoredVariant> Cultures);

    private sealed record StoredVariant(string Name, string Segment, bool CustomSegment, Dictionary<string, JsonElement> Values);
}
