namespace Spcncl.Persistence.Entities;

/// <summary>Who did what to which document, and when. Never removed by content clean-up.</summary>
public sealed class AuditEntryEntity
{
    public long Id { get; set; }

    public DateTime TimestampUtc { get; set; }

    public string UserName { get; set; } = "";

    public string Action { get; set; } = "";

    public int? DocumentId { get; set; }

    public string? Cultures { get; set; }

    public string? Details { get; set; }
}
