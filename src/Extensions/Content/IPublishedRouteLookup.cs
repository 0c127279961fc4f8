namespace Spcncl.Content;

/// <summary>
/// What the content service needs to know about the live site when it writes redirects: the URLs at which a document
/// and its descendants answer now, in every culture, and the URLs they would answer at after a change. Implemented by
/// the published snapshot, so redirects follow exactly the rule pages are routed by (fallback pages included).
/// </summary>
public interface IPublishedRouteLookup
{
    /// <summary>The current URLs of the document and every descendant, in every culture where they have one.</summary>
    IReadOnlyList<BranchUrl> BranchUrls(int documentId);

    /// <summary>The URLs of the same branch if the document were published as <paramref name="pending"/> describes.</summary>
    IReadOnlyList<BranchUrl> BranchUrlsAfter(PendingDocument pending);
}

public sealed record BranchUrl(Guid Key, string Culture, string Url);

/// <summary>A document as it will be published: its place in the tree and the URL segment of each published culture.</summary>
public sealed record PendingDocument(int Id, Guid Key, int? ParentId, int SortOrder, string ContentType, IReadOnlyDictionary<string, string> PublishedSegments);
