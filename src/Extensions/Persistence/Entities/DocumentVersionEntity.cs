namespace Spcncl.Persistence.Entities;

/// <summary>A saved state of a document's draft. Every save, publish and rollback writes one; rollback copies one back.</summary>
public sealed class DocumentVersionEntity
{
    public long Id { get; set; }

    public int DocumentId { get; set; }

    public int Revision { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    /// <summary>What made this version: Created, Saved, Published, Unpublished, RolledBack.</summary>
    public string Action { get; set; } = "";

    /// <summary>The cultures the action concerned, comma-separated.</summary>
    public string Cultures { get; set; } = "";

    /// <summary>The whole draft at that moment (names, segments, shared and per-culture values) as JSON.</summary>
    public string Data { get; set; } = "";

    public DocumentEntity? Document { get; set; }
}
