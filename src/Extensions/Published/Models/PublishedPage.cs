using System.Globalization;
using System.Text.Json;
using Spcncl.Markdown;

namespace Spcncl.Published.Models;

/// <summary>
/// The base of every strongly typed page model. A model is a thin, per-request view of a <see cref="PublishedDocument"/>
/// in one culture; typed properties in subclasses read values through the accessors below.
/// </summary>
public abstract class PublishedPage(PublishedPageContext context)
{
    protected PublishedPageContext Context { get; } = context;

    public PublishedDocument Document => Context.Document;

    public PublishedSnapshot Snapshot => Context.Snapshot;

    public int Id => Document.Id;

    public Guid Key => Document.Key;

    public string DocumentType => Document.Type.Alias;

    /// <summary>The culture of the request (and of the UI around the content).</summary>
    public string Culture => Context.Page.Culture;

    /// <summary>The culture of the content shown; differs from <see cref="Culture"/> when an untranslated page falls back.</summary>
    public string ContentCulture => Context.Page.ContentCulture;

    public bool IsFallback => Context.Page.IsFallback;

    public string? Url => Context.Page.Url;

    public PublishedVariant Variant => Document.Variants[ContentCulture];

    public string Name => Variant.Name;

    public DateTime PublishedUtc => Variant.PublishedUtc;

    public DateTime UpdatedUtc => Variant.UpdatedUtc;

    /// <summary>The meta description: <c>seoDescription</c> when the page has one, otherwise its summary.</summary>
    public virtual string? MetaDescription => Text("seoDescription") ?? Text("summary");

    /// <summary>One or two sentences for cards and lists: the summary, otherwise the meta description.</summary>
    public virtual string? Teaser => Text("summary") ?? Text("seoDescription");

    public bool HideFromNavigation => Boolean("hideFromNavigation");

    /// <summary>The parent page in this culture, or null at the root.</summary>
    public PublishedPage? Parent => Snapshot.Parent(Document) is { } parent ? Context.Factory.Create(parent, Culture, Snapshot) : null;

    /// <summary>The children that exist in this culture, as typed models.</summary>
    public IEnumerable<PublishedPage> Children => Snapshot.Children(Document, Culture).Select(child => Context.Factory.Create(child, Culture, Snapshot)!);

    public IEnumerable<T> ChildrenOf<T>()
        where T : PublishedPage => Children.OfType<T>();

    protected string? Text(string alias) =>
        Document.Value(alias, ContentCulture) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    protected SanitizedHtml Markdown(string alias) =>
        Text(alias) is { } markdown
            ? new SanitizedHtml(Variant.Rendered("md:" + alias, () => Context.Markdown.Render(markdown).Html))
            : SanitizedHtml.Empty;

    protected decimal? Number(string alias) =>
        Document.Value(alias, ContentCulture) is { ValueKind: JsonValueKind.Number } v && v.TryGetDecimal(out var number) ? number : null;

    protected bool Boolean(string alias) => Document.Value(alias, ContentCulture) is { ValueKind: JsonValueKind.True };

    protected DateOnly? Date(string alias) =>
        Text(alias) is { } text && DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    protected DateTimeOffset? DateTime(string alias) =>
        Text(alias) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value) ? value : null;

    protected IReadOnlyList<string> Strings(string alias) =>
        Document.Value(alias, ContentCulture) is { ValueKind: JsonValueKind.Array } v
            ? [.. v.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)]
            : [];

    protected IReadOnlyList<KeyValueItem> KeyValues(string alias) =>
        Document.Value(alias, ContentCulture) is { ValueKind: JsonValueKind.Array } v
            ? [.. v.EnumerateArray().Select(e => new KeyValueItem(e.GetProperty("key").GetString()!, e.GetProperty("value").GetString()!))]
            : [];

    /// <summary>The label of a dropdown value in this page's culture, from the document type's options.</summary>
    protected string? OptionLabel(string alias, string? value) =>
        value is not null && Document.Type.PropertiesByAlias.TryGetValue(alias, out var property)
            ? property.Options.FirstOrDefault(o => o.Value == value)?.Label[Culture]
            : null;

    /// <summary>A picked key (content or media), whatever the item's state.</summary>
    protected Guid? PickedKey(string alias) => Text(alias) is { } text && Guid.TryParse(text, out var key) ? key : null;

    /// <summary>A picked key in another culture's content (a caption file per language, whatever the page's language).</summary>
    protected Guid? PickedKeyIn(string alias, string culture) =>
        Document.Value(alias, culture) is { ValueKind: JsonValueKind.String } v && Guid.TryParse(v.GetString(), out var key) ? key : null;

    /// <summary>Picked keys, in the editor's order.</summary>
    protected IReadOnlyList<Guid> PickedKeys(string alias) => [.. Strings(alias).Select(s => Guid.TryParse(s, out var key) ? key : Guid.Empty).Where(k => k != Guid.Empty)];

    /// <summary>A picked document, as a typed model, when it exists in this culture.</summary>
    protected PublishedPage? Picked(string alias) =>
        Text(alias) is { } text && Guid.TryParse(text, out var key) && Snapshot.Get(key) is { } picked
            ? Context.Factory.Create(picked, Culture, Snapshot)
            : null;

    /// <summary>Picked documents that exist in this culture, in the order the editor chose.</summary>
    protected IReadOnlyList<PublishedPage> PickedMany(string alias) =>
        [.. Strings(alias)
            .Select(s => Guid.TryParse(s, out var key) ? Snapshot.Get(key) : null)
            .OfType<PublishedDocument>()
            .Select(d => Context.Factory.Create(d, Culture, Snapshot))
            .OfType<PublishedPage>()];
}

public sealed record KeyValueItem(string Key, string Value);

/// <summary>What a model needs to read its document: the snapshot it came from, the culture, and the shared services.</summary>
public sealed record PublishedPageContext(
    PublishedDocument Document,
    PageCulture Page,
    PublishedSnapshot Snapshot,
    PublishedModelFactory Factory,
    MarkdownRenderer Markdown);
