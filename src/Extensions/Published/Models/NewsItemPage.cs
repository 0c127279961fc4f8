using Spcncl.Markdown;

namespace Spcncl.Published.Models;

/// <summary>What every item of the news list has: an article, a broadcast report or an announcement.</summary>
public abstract class NewsItemPage(PublishedPageContext context) : PublishedPage(context)
{
    /// <summary>The filter value of the news list's categories (news, pressRelease, broadcast, announcement).</summary>
    public abstract string Category { get; }

    public string Summary => Text("summary") ?? "";

    public SanitizedHtml Body => Markdown("body");

    /// <summary>When the item says it was published (editors may date it), otherwise when it went live.</summary>
    public DateTimeOffset PublishDate => DateTime("publishDate") ?? new DateTimeOffset(PublishedUtc);

    public string? Author => Text("author");

    public Guid? CoverImageKey => PickedKey("coverImage");

    /// <summary>The cover's text alternative when the editor wrote one for this article; null to use the image's own.</summary>
    public string? CoverAlt => Text("coverAlt");

    public IReadOnlyList<string> Tags => Strings("tags");
}
