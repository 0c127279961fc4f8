namespace Spcncl.Persistence.Entities;

/// <summary>A publish or unpublish of some cultures of a document at a set time, run by the back office's scheduler.</summary>
public sealed class ScheduledActionEntity
{
    public int Id { get; set; }

    public int DocumentId { get; set; }

    /// <summary><c>Publish</c> or <c>Unpublish</c>.</summary>
    public string Action { get; set; } = "";

    /// <summary>Comma-separated culture codes.</summary>
    public string Cultures { get; set; } = "";

    public DateTime DueUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public DateTime? DoneUtc { get; set; }

    /// <summary>Why it could not run (a value no longer valid, the page deleted), when it failed.</summary>
    public string? Error { get; set; }
}
