namespace Spcncl.Sync.Files;

/// <summary>The shape of a file in <c>uSync/DocumentTypes</c>. Optional flags are omitted from exports when they hold their default.</summary>
public sealed class DocumentTypeFile
{
    public string? Alias { get; set; }

    public Dictionary<string, string>? Name { get; set; }

    public string? Icon { get; set; }

    public bool? VariesByCulture { get; set; }

    /// <summary>Render the default culture's content when this culture is not published. Off unless set.</summary>
    public bool? CultureFallback { get; set; }

    public bool? AllowAtRoot { get; set; }

    /// <summary>Whether documents of this type have URLs. On unless set to false.</summary>
    public bool? Routable { get; set; }

    public string? Template { get; set; }

    public List<string>? AllowedChildTypes { get; set; }

    public List<PropertyTypeFile>? Properties { get; set; }
}

public sealed class PropertyTypeFile
{
    public string? Alias { get; set; }

    public Dictionary<string, string>? Label { get; set; }

    public Dictionary<string, string>? Description { get; set; }

    public string? Editor { get; set; }

    public bool? VariesByCulture { get; set; }

    public bool? Mandatory { get; set; }

    public string? Group { get; set; }

    public List<DropdownOptionFile>? Options { get; set; }

    public bool? Multiple { get; set; }

    public List<string>? AllowedTypes { get; set; }

    public PropertyValidationFile? Validation { get; set; }
}

public sealed class DropdownOptionFile
{
    public string? Value { get; set; }

    public Dictionary<string, string>? Label { get; set; }
}

public sealed class PropertyValidationFile
{
    public string? Pattern { get; set; }

    public Dictionary<string, string>? PatternMessage { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    public int? MaxLength { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    /// <summary>No two documents of the type may share the value (an enterprise's tax code). Shared text values only.</summary>
    public bool? Unique { get; set; }
}
