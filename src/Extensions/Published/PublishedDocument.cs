using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using Spcncl.Content.DocumentTypes;

namespace Spcncl.Published;

/// <summary>
/// A published document in memory: only what is live, only the cultures that are published. Immutable, and shared
/// between successive snapshots when it did not change. Tree links live in the snapshot, not here.
/// </summary>
public sealed class PublishedDocument(
    int id,
    Guid key,
    int? parentId,
    int sortOrder,
    DocumentType type,
    DateTime createdUtc,
    FrozenDictionary<string, JsonElement> sharedValues,
    FrozenDictionary<string, PublishedVariant> variants)
{
    public int Id { get; } = id;

    public Guid Key { get; } = key;

    public int? ParentId { get; } = parentId;

    public int SortOrder { get; } = sortOrder;

    public DocumentType Type { get; } = type;

    public DateTime CreatedUtc { get; } = createdUtc;

    public FrozenDictionary<string, JsonElement> SharedValues { get; } = sharedValues;

    /// <summary>The published cultures only.</summary>
    public FrozenDictionary<string, PublishedVariant> Variants { get; } = variants;

    /// <summary>A value as the page shows it in <paramref name="contentCulture"/>: shared properties come from the shared values.</summary>
    public JsonElement? Value(string alias, string contentCulture)
    {
        if (!Type.PropertiesByAlias.TryGetValue(alias, out var property))
        {
            return null;
        }

        var values = property.VariesByCulture ? Variants.GetValueOrDefault(contentCulture)?.Values : SharedValues;
        return values is not null && values.TryGetValue(alias, out var value) ? value : null;
    }
}

/// <summary>One published culture of a document.</summary>
public sealed class PublishedVariant(string culture, string name, string urlSegment, DateTime publishedUtc, DateTime updatedUtc, FrozenDictionary<string, JsonElement> values)
{
    private readonly ConcurrentDictionary<string, string> _rendered = new(StringComparer.Ordinal);

    public string Culture { get; } = culture;

    public string Name { get; } = name;

    public string UrlSegment { get; } = urlSegment;

    public DateTime PublishedUtc { get; } = publishedUtc;

    public DateTime UpdatedUtc { get; } = updatedUtc;

    public FrozenDictionary<string, JsonElement> Values { get; } = values;

    /// <summary>Rendered forms of values (sanitised Markdown), computed once per published variant rather than per request.</summary>
    public string Rendered(string key, Func<string> render) => _rendered.GetOrAdd(key, _ => render());
}
