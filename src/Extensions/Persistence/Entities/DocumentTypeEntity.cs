namespace Spcncl.Persistence.Entities;

/// <summary>A document type as imported from uSync, stored as its canonical JSON so export writes it back unchanged.</summary>
public sealed class DocumentTypeEntity
{
    public string Alias { get; set; } = "";

    public string Definition { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }
}
