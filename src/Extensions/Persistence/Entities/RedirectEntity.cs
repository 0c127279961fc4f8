namespace Spcncl.Persistence.Entities;

/// <summary>An old URL of a renamed or moved page. The target is the document's current URL in that culture, resolved at request time.</summary>
public sealed class RedirectEntity
{
    public int Id { get; set; }

    /// <summary>The old path, lower case, with the culture prefix: <c>/en/about-us</c>.</summary>
    public string Path { get; set; } = "";

    public string Culture { get; set; } = "";

    public Guid DocumentKey { get; set; }

    public DateTime CreatedUtc { get; set; }
}
