using System.Collections.Frozen;

namespace Spcncl.Content.DocumentTypes;

/// <summary>
/// A document type, as defined by one file in <c>uSync/DocumentTypes</c>: what a document of this kind holds,
/// where it may live in the tree and how it renders. Immutable once loaded.
/// </summary>
public sealed class DocumentType
{
    public DocumentType(
        string alias,
        LocalizedText name,
        string icon,
        bool variesByCulture,
        bool cultureFallback,
        bool allowAtRoot,
        bool routable,
        IReadOnlyList<string> allowedChildTypes,
        string template,
        IReadOnlyList<PropertyType> properties)
    {
        Alias = alias;
        Name = name;
        Icon = icon;
        VariesByCulture = variesByCulture;
        CultureFallback = cultureFallback;
        AllowAtRoot = allowAtRoot;
        Routable = routable;
        AllowedChildTypes = allowedChildTypes;
        Template = template;
        Properties = properties;
        PropertiesByAlias = properties.ToFrozenDictionary(p => p.Alias, StringComparer.Ordinal);
    }

    public string Alias { get; }

    public LocalizedText Name { get; }

    public string Icon { get; }

    /// <summary>False for documents that have one name and only shared values in every culture.</summary>
    public bool VariesByCulture { get; }

    /// <summary>When true, a page without a published non-default culture renders the default culture's content, marked as such.</summary>
    public bool CultureFallback { get; }

    public bool AllowAtRoot { get; }

    /// <summary>False for documents that have no URL of their own (the 404 page, settings nodes).</summary>
    public bool Routable { get; }

    public IReadOnlyList<string> AllowedChildTypes { get; }

    /// <summary>The Razor view that renders this type (<c>Views/Pages/{Template}.cshtml</c>).</summary>
    public string Template { get; }

    public IReadOnlyList<PropertyType> Properties { get; }

    public FrozenDictionary<string, PropertyType> PropertiesByAlias { get; }

    public bool AllowsChild(string childAlias) => AllowedChildTypes.Contains(childAlias, StringComparer.Ordinal);
}

/// <summary>One property of a document type.</summary>
public sealed record PropertyType(
    string Alias,
    LocalizedText Label,
    LocalizedText? Description,
    PropertyEditor Editor,
    bool VariesByCulture,
    bool Mandatory,
    string? Group,
    PropertyValidation Validation,
    IReadOnlyList<DropdownOption> Options,
    bool Multiple,
    IReadOnlyList<string> AllowedTypes);

/// <summary>Validation rules. Which of them apply depends on the editor (length for text, range for numbers, counts for lists).</summary>
public sealed record PropertyValidation(
    string? Pattern = null,
    LocalizedText? PatternMessage = null,
    decimal? Min = null,
    decimal? Max = null,
    int? MaxLength = null,
    int? MinItems = null,
    int? MaxItems = null,
    bool Unique = false)
{
    public static readonly PropertyValidation None = new();
}

public sealed record DropdownOption(string Value, LocalizedText Label);

public enum PropertyEditor
{
    Text,
    Textarea,
    Markdown,
    Number,
    Date,
    DateTime,
    Boolean,
    Dropdown,
    Tags,
    ContentPicker,
    MultiContentPicker,
    MediaPicker,
    MultiMediaPicker,
    File,
    Url,
    Email,
    KeyValueList,
}
