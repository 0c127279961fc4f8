using System.Text.Json;

namespace Spcncl.Content.Documents;

/// <summary>
/// What an editor gives for one culture. <paramref name="UrlSegment"/> null means "derive it from the name".
/// <paramref name="Values"/> replaces only the properties it names; a null value clears that property.
/// </summary>
public sealed record VariantInput(string Name, string? UrlSegment = null, IReadOnlyDictionary<string, JsonElement?>? Values = null);

public sealed record CreateDocumentRequest(
    string ContentType,
    int? ParentId,
    IReadOnlyDictionary<string, VariantInput> Cultures,
    IReadOnlyDictionary<string, JsonElement?>? SharedValues = null)
{
    /// <summary>A fixed key (uSync import keeps keys stable across databases); otherwise a new one.</summary>
    public Guid? Key { get; init; }

    /// <summary>Position among siblings; by default after the last one.</summary>
    public int? SortOrder { get; init; }
}

/// <summary>
/// A save of the draft. <paramref name="BasedOnRevision"/> is the revision the editor started from; if the stored
/// document has moved on, the save is refused with <see cref="ContentStatus.Conflict"/>.
/// </summary>
public sealed record SaveDocumentRequest(
    int DocumentId,
    int BasedOnRevision,
    IReadOnlyDictionary<string, VariantInput>? Cultures = null,
    IReadOnlyDictionary<string, JsonElement?>? SharedValues = null);

/// <summary>The outcome of creating many documents: all of them, or the failures (by request index) and nothing written.</summary>
public sealed record BulkCreateResult(IReadOnlyList<Document> Documents, IReadOnlyList<(int Index, ContentAttempt<Document> Failure)> Failures)
{
    public bool Succeeded => Failures.Count == 0;
}

/// <summary>One document to publish in the given cultures, optionally only if it is still at <paramref name="BasedOnRevision"/>.</summary>
public sealed record PublishRequest(int DocumentId, IReadOnlyCollection<string> Cultures, int? BasedOnRevision = null);
