namespace Spcncl.Content.Documents;

/// <summary>
/// The one way to change content. The back office, the importers and the tests all use it; nothing else writes
/// documents. Each call is one transaction; <paramref name="user"/> is recorded in versions and the audit log.
/// </summary>
public interface IContentService
{
    Task<Document?> GetAsync(int id, CancellationToken ct = default);

    Task<Document?> GetByKeyAsync(Guid key, CancellationToken ct = default);

    /// <summary>The children of a document (or the roots when <paramref name="parentId"/> is null), in sort order, outside the recycle bin.</summary>
    Task<IReadOnlyList<Document>> GetChildrenAsync(int? parentId, CancellationToken ct = default);

    Task<IReadOnlyList<Document>> GetRecycleBinAsync(CancellationToken ct = default);

    /// <summary>
    /// A light list of the documents outside the recycle bin (of the given types, or all): where each sits and each
    /// culture's name and state. For pickers, the translation dashboard and permission checks, not for editing.
    /// </summary>
    Task<IReadOnlyList<DocumentSummary>> ListAsync(IReadOnlyCollection<string>? types = null, CancellationToken ct = default);

    /// <summary>
    /// The documents (the recycle bin's included, marked) whose values name <paramref name="key"/>: a picked media item
    /// or document, in drafts or published values, in any culture or shared, inside lists, key-value rows and texts.
    /// Each comes with where: property, culture, draft or published. For "used by" and for refusing to delete what is used.
    /// </summary>
    Task<IReadOnlyList<DocumentReference>> FindReferencesAsync(Guid key, CancellationToken ct = default);

    Task<ContentAttempt<Document>> CreateAsync(CreateDocumentRequest request, string user, CancellationToken ct = default);

    Task<ContentAttempt<Document>> SaveAsync(SaveDocumentRequest request, string user, CancellationToken ct = default);

    /// <summary>Publishes the draft of the given cultures (and the shared values). Other cultures' published content is untouched.</summary>
    Task<ContentAttempt<Document>> PublishAsync(int id, IReadOnlyCollection<string> cultures, string user, int? basedOnRevision = null, CancellationToken ct = default);

    Task<ContentAttempt<Document>> UnpublishAsync(int id, IReadOnlyCollection<string> cultures, string user, CancellationToken ct = default);

    Task<ContentAttempt<Document>> MoveAsync(int id, int? newParentId, string user, CancellationToken ct = default);

    Task<ContentAttempt<IReadOnlyList<int>>> SortAsync(int? parentId, IReadOnlyList<int> orderedChildIds, string user, CancellationToken ct = default);

    Task<ContentAttempt<Document>> MoveToRecycleBinAsync(int id, string user, CancellationToken ct = default);

    /// <summary>Brings a page back from the recycle bin to where it was, or under <paramref name="toParentId"/>. It comes back unpublished.</summary>
    Task<ContentAttempt<Document>> RestoreAsync(int id, string user, int? toParentId = null, CancellationToken ct = default);

    /// <summary>Deletes a page and its descendants for good. Only pages in the recycle bin can be deleted.</summary>
    Task<ContentAttempt<int>> DeleteAsync(int id, string user, CancellationToken ct = default);

    /// <summary>Newest first.</summary>
    Task<IReadOnlyList<DocumentVersion>> GetVersionsAsync(int id, CancellationToken ct = default);

    /// <summary>The latest version saved at or before <paramref name="utc"/>, or null: what the page held at that moment.</summary>
    Task<DocumentVersion?> GetVersionAsOfAsync(int id, DateTime utc, CancellationToken ct = default);

    /// <summary>Copies a version back into the draft (all cultures and shared values, or only the cultures named). Publishing is separate.</summary>
    Task<ContentAttempt<Document>> RollbackAsync(int id, long versionId, int basedOnRevision, string user, IReadOnlyCollection<string>? onlyCultures = null, CancellationToken ct = default);
}
