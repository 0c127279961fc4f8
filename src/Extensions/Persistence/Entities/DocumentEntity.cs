namespace Spcncl.Persistence.Entities;

/// <summary>A node of the content tree. Per-culture state lives in <see cref="DocumentCultureEntity"/>.</summary>
public sealed class DocumentEntity
{
    public int Id { get; set; }

    public Guid Key { get; set; }

    public int? ParentId { get; set; }

    public int SortOrder { get; set; }

    public string ContentType { get; set; } = "";

    public bool Trashed { get; set; }

    /// <summary>Where a trashed node came from, so that restore can put it back.</summary>
    public int? TrashedFromParentId { get; set; }

    /// <summary>The node whose trashing put this one in the bin (its own id at the top of a trash group).</summary>
    public int? TrashedWithId { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }

    public string UpdatedBy { get; set; } = "";

    /// <summary>Draft values shared by all cultures (JSON object alias → value).</summary>
    public string SharedValues { get; set; } = "{}";

    /// <summary>Shared values as last published with any culture.</summary>
    public string? PublishedSharedValues { get; set; }

    /// <summary>Increases with every write; a save based on an older revision is refused (optimistic concurrency).</summary>
    public int Revision { get; set; }

    public List<DocumentCultureEntity> Cultures { get; set; } = [];
}
