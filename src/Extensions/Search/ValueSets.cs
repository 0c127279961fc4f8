using Spcncl.Published;

namespace Spcncl.Search;

/// <summary>
/// What the index knows about one published document (Examine calls it a value set): its kind and facets, and per
/// culture its name, summary, body text and URL. A culture is present only where the page exists in it.
/// </summary>
public sealed record ValueSet(
    Guid Key,
    int DocumentId,
    string DocumentType,
    SearchKind Kind,
    IReadOnlyDictionary<string, CultureValues> Cultures,
    IReadOnlyList<int> AncestorIds,
    IReadOnlyList<string> Sectors,
    IReadOnlyList<int> AwardYears,
    bool Top10,
    DateTime PublishedUtc);

/// <summary>A page's text in one culture. <paramref name="IsFallback"/>: the Vietnamese content shown at this culture's URL.</summary>
public sealed record CultureValues(string Name, string? Summary, string Body, string Url, bool IsFallback);

/// <summary>The tabs of the search page, and the type facet.</summary>
public enum SearchKind
{
    Product,
    Enterprise,
    News,
    Event,
    Document,
    Page,
}

/// <summary>
/// Builds the value set of one document type (Examine's value-set builder). Returns null for a document that should
/// not be found (the 404 page). Builders read only the published snapshot and in-memory caches, never the database.
/// </summary>
public interface IValueSetBuilder
{
    /// <summary>The document types this builder handles.</summary>
    IReadOnlyCollection<string> DocumentTypes { get; }

    ValueSet? Build(PublishedDocument document, PublishedSnapshot snapshot);

    /// <summary>Other documents whose value sets include this one's values (a product names its enterprise).</summary>
    IEnumerable<PublishedDocument> Dependents(PublishedDocument document, PublishedSnapshot snapshot) => [];
}

/// <summary>
/// An index: its name, the version of its schema (a change rebuilds it), the builders it takes value sets from, and the
/// builder of every other document type.
/// </summary>
public sealed class SearchIndexDefinition(string name, int schemaVersion, IEnumerable<IValueSetBuilder> builders, IValueSetBuilder others)
{
    private readonly Dictionary<string, IValueSetBuilder> _byType = builders
        .SelectMany(b => b.DocumentTypes.Select(t => (Type: t, Builder: b)))
        .ToDictionary(p => p.Type, p => p.Builder, StringComparer.Ordinal);

    public string Name { get; } = name;

    public int SchemaVersion { get; } = schemaVersion;

    public IValueSetBuilder BuilderFor(string documentType) => _byType.GetValueOrDefault(documentType) ?? others;

    public ValueSet? Build(PublishedDocument document, PublishedSnapshot snapshot) =>
        BuilderFor(document.Type.Alias).Build(document, snapshot);
}
