namespace Spcncl.Content;

/// <summary>
/// What the content service needs to know about the live site when it writes redirects: the URLs at which a
/// document and its descendants answer right now. Implemented by the published snapshot.
/// </summary>
public interface IPublishedRouteLookup
{
    /// <summary>The document's current URL in the culture, or null when it has none there.</summary>
    string? Url(int documentId, string culture);

    /// <summary>The current URLs in the culture of the document and every descendant that has one.</summary>
    IReadOnlyList<BranchUrl> BranchUrls(int documentId, string culture);
}

public sealed record BranchUrl(Guid Key, string Url);
