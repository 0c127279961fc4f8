using System.Collections.Frozen;

namespace Spcncl.Content.DocumentTypes;

/// <summary>All document types of the site, immutable. Cross-references (allowed children, picker types) are valid by construction.</summary>
public sealed class DocumentTypeSet
{
    private readonly FrozenDictionary<string, DocumentType> _byAlias;

    public DocumentTypeSet(IEnumerable<DocumentType> types)
    {
        All = [.. types.OrderBy(t => t.Alias, StringComparer.Ordinal)];
        _byAlias = All.ToFrozenDictionary(t => t.Alias, StringComparer.Ordinal);
    }

    public static DocumentTypeSet Empty { get; } = new([]);

    public IReadOnlyList<DocumentType> All { get; }

    public DocumentType this[string alias] =>
        _byAlias.TryGetValue(alias, out var type) ? type : throw new KeyNotFoundException($"Unknown document type '{alias}'.");

    public bool TryGet(string alias, out DocumentType type) => _byAlias.TryGetValue(alias, out type!);

    public bool Contains(string alias) => _byAlias.ContainsKey(alias);
}
