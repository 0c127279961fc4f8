namespace Spcncl.Persistence.Entities;

/// <summary>
/// A change instruction written in the same transaction as a publish, move or delete. Every instance applies
/// the instructions it did not originate, so all instances' snapshots converge (Umbraco's load-balancing model).
/// </summary>
public sealed class ContentChangeEntity
{
    public long Id { get; set; }

    public DateTime CreatedUtc { get; set; }

    public string OriginInstance { get; set; } = "";

    /// <summary>The change as JSON: kind and document ids.</summary>
    public string Instruction { get; set; } = "";
}
