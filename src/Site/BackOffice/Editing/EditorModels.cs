using Spcncl.Content.Documents;
using Spcncl.Content.DocumentTypes;
using Spcncl.Persistence.Entities;
using PropertyEditor = Spcncl.Content.DocumentTypes.PropertyEditor;

namespace Spcncl.Site.BackOffice.Editing;

// View models of the content screens. The controller builds them; the views only print them.

/// <summary>One page of the content tree: where it is, its children with each culture's state, and what may be done here.</summary>
public sealed record BrowseView(
    DocumentSummary? Node,
    IReadOnlyList<Crumb> Path,
    IReadOnlyList<TreeRow> Children,
    IReadOnlyList<TypeChoice> CanCreate,
    bool CanSort,
    string Culture);

public sealed record Crumb(string Name, string Url);

/// <summary>A child in the tree: per culture whether it is draft only, published, or published with unpublished changes.</summary>
public sealed record TreeRow(int Id, string Name, string TypeName, string Icon, IReadOnlyList<CultureState> States, int ChildCount, bool CanEdit, bool CanSort, string UpdatedBy, DateTime UpdatedUtc);

public sealed record CultureState(string Culture, CultureStatus Status);

public enum CultureStatus
{
    Missing,
    Draft,
    Published,
    Changed,
}

public sealed record TypeChoice(string Alias, string Name);

/// <summary>The editor: both cultures side by side, the shared values once, and what this person may do with it.</summary>
public sealed record EditorView(
    DocumentType Type,
    Document? Document,
    int? ParentId,
    IReadOnlyList<Crumb> Path,
    IReadOnlyList<EditorColumn> Columns,
    IReadOnlyList<EditorField> Shared,
    bool SharedEditable,
    IReadOnlyList<string> Errors,
    ConflictInfo? Conflict,
    IReadOnlyList<ScheduledActionEntity> Schedules,
    EditorPermissions Can,
    string? Saved)
{
    public bool IsNew => Document is null;

    /// <summary>The heading: the page's name, or "New text page".</summary>
    public required string Title { get; init; }

    /// <summary>Where the form posts: the editor of the document, or the create action under the parent.</summary>
    public string Action => Document is null ? $"{BackOfficeHost.Path}/content/create?parent={ParentId}&type={Type.Alias}" : $"{BackOfficeHost.Path}/content/{Document.Id}/edit";

    public bool AnyEditable => SharedEditable || Columns.Any(c => c.Editable);

    public bool HasProblems => Errors.Count > 0 || Columns.Any(c => c.NameError is not null || c.SegmentError is not null || c.Fields.Values.Any(f => f.Error is not null)) || Shared.Any(f => f.Error is not null);

    /// <summary>The columns this person may publish.</summary>
    public IEnumerable<EditorColumn> PublishColumns => Columns.Where(c => Can.PublishCultures.Contains(c.Culture));

    /// <summary>The column fields are copied from (the default culture's).</summary>
    public EditorColumn Source => Columns[0];

    public int Revision => Document?.Revision ?? 0;

    /// <summary>The properties that vary by culture, in the document type's order.</summary>
    public IEnumerable<PropertyType> VaryingProperties => Type.Properties.Where(p => p.VariesByCulture);
}

/// <summary>One culture of the editor: its name and segment, its fields, and whether this person may change it.</summary>
public sealed record EditorColumn(
    string Culture,
    string LanguageName,
    bool Editable,
    string Name,
    string Segment,
    string? NameError,
    string? SegmentError,
    CultureStatus Status,
    IReadOnlyDictionary<string, EditorField> Fields,
    IReadOnlySet<string> ChangedInOther,
    string? PreviewUrl,
    string? LiveUrl,
    DocumentVariant? Saved);

/// <summary>A field as drawn: the property, what it holds (as typed), its message, and what may be picked.</summary>
public sealed record EditorField(PropertyType Property, string? Culture, FieldInput Input, string? Error, IReadOnlyList<PickOption> Options)
{
    /// <summary>For Markdown: the text rendered as the site renders it (sanitised), shown beside it from the first paint.</summary>
    public Spcncl.Markdown.SanitizedHtml? Preview { get; init; }

    /// <summary>The form name: <c>vi.p.summary</c>, <c>shared.images</c>.</summary>
    public string Name => Culture is null ? $"shared.{Property.Alias}" : $"{Culture}.p.{Property.Alias}";

    public string Id => Name.Replace('.', '-');

    /// <summary>The partial that draws the control (<c>Views/BackOffice/Content/Fields/{Partial}.cshtml</c>).</summary>
    public string Partial => Property.Editor switch
    {
        PropertyEditor.Dropdown when Property.Multiple => "Choices",
        PropertyEditor.MultiContentPicker => "Choices",
        PropertyEditor.Dropdown or PropertyEditor.ContentPicker => "Select",
        PropertyEditor.MediaPicker or PropertyEditor.File or PropertyEditor.MultiMediaPicker => "Media",
        PropertyEditor.KeyValueList => "KeyValues",
        PropertyEditor.Textarea or PropertyEditor.Markdown => "Textarea",
        PropertyEditor.Boolean => "Boolean",
        PropertyEditor.Tags => "Tags",
        _ => "Input",
    };

    /// <summary>The input type of a single-line field.</summary>
    public string InputType => Property.Editor switch
    {
        PropertyEditor.Date => "date",
        PropertyEditor.DateTime => "datetime-local",
        PropertyEditor.Url => "url",
        PropertyEditor.Email => "email",
        _ => "text",
    };

    public bool IsMarkdown => Property.Editor == PropertyEditor.Markdown;

    public bool IsMultiple => Property.Multiple || Property.Editor is PropertyEditor.MultiContentPicker or PropertyEditor.MultiMediaPicker;

    /// <summary>Long lists get a filter box (with script).</summary>
    public bool IsLongList => Options.Count > 12;

    /// <summary>The options, the chosen ones first.</summary>
    public IEnumerable<PickOption> OrderedOptions => Options.OrderBy(o => Input.Has(o.Value) ? 0 : 1);

    /// <summary>The chosen options, in the order they were chosen.</summary>
    public IEnumerable<PickOption> Chosen => Input.Items.Select(i => Options.FirstOrDefault(o => o.Value == i)).OfType<PickOption>();

    /// <summary>What a read-only field shows: labels of the chosen options, rows of a list, or the text.</summary>
    public string DisplayText => Property.Editor switch
    {
        PropertyEditor.KeyValueList => string.Join("\n", Input.Items.Select((key, i) => $"{key}: {(Input.RowValues is { } values && i < values.Count ? Options.FirstOrDefault(o => o.Value == values[i])?.Label ?? values[i] : "")}")),
        _ when Options.Count > 0 => string.Join(", ", Input.Items.Select(i => Options.FirstOrDefault(o => o.Value == i)?.Label ?? i)),
        _ => Input.Text,
    };

    /// <summary>The ids that describe the control (its message and its hint), or null.</summary>
    public string? DescribedBy => string.Join(' ', new[] { Error is null ? null : Id + "-error", Property.Description is null ? null : Id + "-hint" }.OfType<string>()) is { Length: > 0 } ids ? ids : null;

    /// <summary>The rows a key-value list shows: its own, then two empty ones to add to.</summary>
    public IReadOnlyList<(int Number, string Key, string Value)> Rows =>
        [.. Enumerable.Range(0, Input.Items.Count + 2).Select(i => (i + 1, i < Input.Items.Count ? Input.Items[i] : "", i < Input.Items.Count ? Input.RowValues?[i] ?? "" : ""))];
}

/// <param name="Thumbnail">A small picture for media pickers.</param>
public sealed record PickOption(string Value, string Label, string? Thumbnail = null);

public sealed record EditorPermissions(bool Publish, bool Unpublish, bool Schedule, bool Delete, bool Move, bool History, IReadOnlySet<string> PublishCultures);

/// <summary>A save refused because someone else saved first: who, and what they changed (the person's own input is kept).</summary>
public sealed record ConflictInfo(string SavedBy, DateTime SavedUtc, int Revision, IReadOnlyList<ChangeRow> Changes);

public sealed record ChangeRow(string Field, string? Culture, string Before, string After)
{
    /// <summary>"(vi)" after the field's name, or nothing for shared values.</summary>
    public string CultureNote => Culture is null ? "" : $"({Culture})";
}

public sealed record HistoryView(Document Document, string Name, IReadOnlyList<DocumentVersion> Versions, bool CanRollback);

public sealed record CompareView(Document Document, string Name, DocumentVersion Version, IReadOnlyList<ChangeRow> Rows, bool CanRollback, IReadOnlyList<string> Cultures);

public sealed record RecycleBinView(IReadOnlyList<(Document Document, string Name)> Items, bool CanRestore, bool CanDelete);

public sealed record MoveView(Document Document, string Name, IReadOnlyList<PickOption> Targets);

/// <summary>The translation dashboard: what is missing or outdated in each culture other than the default.</summary>
public sealed record TranslationsView(string Culture, IReadOnlyList<TranslationRow> Missing, IReadOnlyList<TranslationRow> Outdated, IReadOnlyList<(string Section, int Missing, int Outdated)> Sections);

public sealed record TranslationRow(int Id, string Name, string TypeName, string Section, DateTime SourceUpdatedUtc, DateTime? TranslationUpdatedUtc);

public sealed record DashboardView(
    int Drafts,
    int Untranslated,
    int Outdated,
    int Scheduled,
    int Enquiries,
    int Comments,
    int Registrations,
    IReadOnlyList<AuditEntryEntity> Recent);
