using System.Text.Json;

namespace Spcncl.Sync.Files;

/// <summary>
/// One document in <c>uSync/Content</c>, both cultures in one file. Files sit in folders that follow the tree
/// (by the default culture's URL segment) for readability; the <see cref="Parent"/> key is what links them.
/// </summary>
public sealed class ContentFile
{
    public Guid? Key { get; set; }

    public Guid? Parent { get; set; }

    public string? Type { get; set; }

    public int? SortOrder { get; set; }

    public Dictionary<string, JsonElement>? Shared { get; set; }

    public Dictionary<string, ContentCultureFile>? Cultures { get; set; }
}

public sealed class ContentCultureFile
{
    public string? Name { get; set; }

    /// <summary>Given only when an editor chose it; otherwise derived from the name.</summary>
    public string? Segment { get; set; }

    public bool? Published { get; set; }

    public Dictionary<string, JsonElement>? Values { get; set; }
}
