using System.Text.Json;

namespace Spcncl.Content.Documents;

/// <summary>A document as editors see it: its place in the tree, its draft in each culture and what each culture has published.</summary>
public sealed record Document(
    int Id,
    Guid Key,
    int? ParentId,
    int SortOrder,
    string ContentType,
    bool Trashed,
    int Revision,
    DateTime CreatedUtc,
    string CreatedBy,
    DateTime UpdatedUtc,
    string UpdatedBy,
    IReadOnlyDictionary<string, JsonElement> SharedValues,
    IReadOnlyDictionary<string, DocumentVariant> Cultures)
{
    public DocumentVariant? Variant(string culture) => Cultures.GetValueOrDefault(culture);

    public bool IsPublished(string culture) => Cultures.TryGetValue(culture, out var v) && v.IsPublished;

    /// <summary>The draft value of a property: shared when <paramref name="culture"/> is null, otherwise that culture's.</summary>
    public JsonElement? Value(string alias, string? culture = null)
    {
        var values = culture is null ? SharedValues : Cultures.GetValueOrDefault(culture)?.Values;
        return values is not null && values.TryGetValue(alias, out var value) ? value : null;
    }
}

/// <summary>One culture of a document: the draft name, segment and values, and the published state.</summary>
public sealed record DocumentVariant(
    string Culture,
    string Name,
    string UrlSegment,
    bool CustomSegment,
    IReadOnlyDictionary<string, JsonElement> Values,
    DateTime CreatedUtc,
    string CreatedBy,
    DateTime UpdatedUtc,
    string UpdatedBy,
    bool IsPublished,
    bool Edited,
    string? PublishedName,
    string? PublishedUrlSegment,
    DateTime? PublishedUtc,
    string? PublishedBy);

/// <summary>A saved state of a document, for history, diff and rollback.</summary>
public sealed record DocumentVersion(
    long Id,
    int DocumentId,
    int Revision,
    DateTime CreatedUtc,
    string CreatedBy,
    string Action,
    IReadOnlyList<string> Cultures,
    DocumentData Data);

/// <summary>The editable content of a document at one moment: shared values and, per culture, name, segment and values.</summary>
public sealed record DocumentData(
    IReadOnlyDictionary<string, JsonElement> Shared,
    IReadOnlyDictionary<string, VariantData> Cultures);

public sealed record VariantData(string Name, string UrlSegment, bool CustomSegment, IReadOnlyDictionary<string, JsonElement> Values);

/// <summary>Where a document sits and, per culture, its name and state (see <see cref="IContentService.ListAsync"/>).</summary>
public sealed record DocumentSummary(int Id, Guid Key, int? ParentId, int SortOrder, string ContentType, IReadOnlyDictionary<string, VariantSummary> Cultures)
{
    /// <summary>The name in a culture, or in the first culture it has.</summary>
    public string NameIn(string culture) => Cultures.TryGetValue(culture, out var variant) ? variant.Name : Cultures.Values.FirstOrDefault()?.Name ?? "";
}

/// <param name="Edited">The draft differs from what is published.</param>
public sealed record VariantSummary(string Name, bool IsPublished, bool Edited, DateTime UpdatedUtc, string UpdatedBy);

/// <summary>A document that names a key in its values (see <see cref="IContentService.FindReferencesAsync"/>): where it sits, its names, and where the key appears.</summary>
public sealed record DocumentReference(int Id, Guid Key, string ContentType, bool Trashed, IReadOnlyDictionary<string, string> Names, IReadOnlyList<ReferencePlace> Places)
{
    /// <summary>The name in a culture, or in the first culture it has.</summary>
    public string NameIn(string culture) => Names.TryGetValue(culture, out var name) ? name : Names.Values.FirstOrDefault() ?? "";
}

/// <summary>One property that names the key: in a culture (null for a shared value), in the draft or in what is published.</summary>
public sealed record ReferencePlace(string Alias, string? Culture, bool Published);
