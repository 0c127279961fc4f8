using Spcncl.BackOffice;
using Spcncl.Content.Documents;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// The content tree as the back office sees it for one request: every document outside the recycle bin (drafts
/// included), where it sits, and each one's place for permission checks (its ancestors, for start nodes).
/// </summary>
public sealed class ContentTree
{
    private readonly Dictionary<int, DocumentSummary> _byId;
    private readonly ILookup<int?, DocumentSummary> _byParent;

    private ContentTree(IReadOnlyList<DocumentSummary> documents)
    {
        _byId = documents.ToDictionary(d => d.Id);
        _byParent = documents.ToLookup(d => d.ParentId);
    }

    public static async Task<ContentTree> LoadAsync(IContentService content, CancellationToken ct = default) => new(await content.ListAsync(ct: ct));

    public IEnumerable<DocumentSummary> All => _byId.Values;

    public DocumentSummary? Get(int id) => _byId.GetValueOrDefault(id);

    public IEnumerable<DocumentSummary> Children(int? parentId) => _byParent[parentId].OrderBy(d => d.SortOrder).ThenBy(d => d.Id);

    /// <summary>From the root down to the document's parent.</summary>
    public IReadOnlyList<DocumentSummary> Ancestors(int id)
    {
        var path = new List<DocumentSummary>();
        for (var current = Get(id)?.ParentId; current is { } parentId && Get(parentId) is { } parent; current = parent.ParentId)
        {
            path.Insert(0, parent);
        }

        return path;
    }

    public DocumentPlace Place(int id, string? childType = null) =>
        Get(id) is { } document
            ? new DocumentPlace(document.ContentType, document.Key, [.. Ancestors(id).Select(a => a.Key)], childType)
            : DocumentPlace.Root(childType);

    /// <summary>Where a new document of <paramref name="type"/> would sit under <paramref name="parentId"/> (for what may be typed into it).</summary>
    public DocumentPlace PlaceOfNew(int? parentId, string type) =>
        parentId is { } id && Get(id) is { } parent
            ? new DocumentPlace(type, Guid.Empty, [.. Ancestors(id).Select(a => a.Key), parent.Key])
            : new DocumentPlace(type, Guid.Empty, []);

    /// <summary>The top-level section a document belongs to (the home page's child it sits under), for the translation dashboard.</summary>
    public DocumentSummary? Section(int id)
    {
        var ancestors = Ancestors(id);
        return ancestors.Count >= 2 ? ancestors[1] : ancestors.Count == 1 ? Get(id) : null;
    }

    public int ChildCount(int id) => _byParent[id].Count();
}
