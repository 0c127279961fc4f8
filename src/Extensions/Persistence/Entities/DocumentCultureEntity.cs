namespace Spcncl.Persistence.Entities;

/// <summary>One culture variant of a document: its draft and, separately, what is published in that culture.</summary>
public sealed class DocumentCultureEntity
{
    public int DocumentId { get; set; }

    public string Culture { get; set; } = "";

    public string Name { get; set; } = "";

    public string UrlSegment { get; set; } = "";

    /// <summary>True when an editor chose the segment; otherwise it follows the name.</summary>
    public bool CustomSegment { get; set; }

    /// <summary>Draft values that vary by culture (JSON object alias → value).</summary>
    public string Values { get; set; } = "{}";

    /// <summary>When this culture was first written (a translation added later has its own date).</summary>
    public DateTime CreatedUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }

    public string UpdatedBy { get; set; } = "";

    public bool IsPublished { get; set; }

    /// <summary>The draft differs from what is published in this culture.</summary>
    public bool Edited { get; set; }

    public string? PublishedName { get; set; }

    public string? PublishedUrlSegment { get; set; }

    public string? PublishedValues { get; set; }

    public DateTime? PublishedUtc { get; set; }

    public string? PublishedBy { get; set; }

    public DocumentEntity? Document { get; set; }
}
