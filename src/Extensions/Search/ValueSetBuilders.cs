using System.Text;
using System.Text.Json;
using Spcncl.Content.DocumentTypes;
using Spcncl.Published;
using Spcncl.Registry;

namespace Spcncl.Search;

/// <summary>
/// The value set every page gets from its document type: the name per culture, a summary (the summary or search
/// description property), and a body made of its text, Markdown (as plain text), tags and key-value lists.
/// </summary>
public class PageValueSetBuilder : IValueSetBuilder
{
    /// <summary>Text kept per page for the body field: enough for any page, bounded for the largest.</summary>
    public const int MaxBodyLength = 30_000;

    private static readonly string[] SummaryAliases = ["summary", "seoDescription", "heroText"];

    public virtual IReadOnlyCollection<string> DocumentTypes => [];

    /// <summary>The kind of a document type's pages (the tab it appears under).</summary>
    public static SearchKind KindOf(string documentType) => documentType switch
    {
        "product" => SearchKind.Product,
        "enterprise" => SearchKind.Enterprise,
        "newsArticle" or "broadcastReport" or "announcement" => SearchKind.News,
        "event" => SearchKind.Event,
        "document" => SearchKind.Document,
        _ => SearchKind.Page,
    };

    public virtual ValueSet? Build(PublishedDocument document, PublishedSnapshot snapshot)
    {
        if (!document.Type.Routable || document.Type.Alias == "notFound")
        {
            return null;
        }

        var cultures = new Dictionary<string, CultureValues>(StringComparer.Ordinal);
        foreach (var page in snapshot.CulturesOf(document))
        {
            if (page.Url is null || !document.Variants.TryGetValue(page.ContentCulture, out var variant))
            {
                continue;
            }

            var summary = SummaryAliases.Select(alias => Text(document.Value(alias, page.ContentCulture))).FirstOrDefault(t => !string.IsNullOrWhiteSpace(t));
            var body = new StringBuilder();
            foreach (var property in document.Type.Properties)
            {
                if (!SummaryAliases.Contains(property.Alias) && Text(property, document.Value(property.Alias, page.ContentCulture), page.ContentCulture) is { Length: > 0 } text)
                {
                    body.Append(text).Append('\n');
                }
            }

            AddBody(document, snapshot, page.ContentCulture, body);
            cultures[page.Culture] = new CultureValues(
                variant.Name,
                summary,
                body.Length > MaxBodyLength ? body.ToString(0, MaxBodyLength) : body.ToString(),
                page.Url,
                page.IsFallback);
        }

        if (cultures.Count == 0)
        {
            return null;
        }

        var ancestors = snapshot.Ancestors(document).Select(a => a.Id).ToList();
        var published = document.Variants.Values.Max(v => v.PublishedUtc);
        return Facets(new ValueSet(document.Key, document.Id, document.Type.Alias, KindOf(document.Type.Alias), cultures, ancestors, [], [], false, published), document, snapshot);
    }

    public virtual IEnumerable<PublishedDocument> Dependents(PublishedDocument document, PublishedSnapshot snapshot) => [];

    /// <summary>More body text for a culture (a product adds its maker's name).</summary>
    protected virtual void AddBody(PublishedDocument document, PublishedSnapshot snapshot, string contentCulture, StringBuilder body)
    {
    }

    /// <summary>Facets beyond the kind (sector, award years, Top 10).</summary>
    protected virtual ValueSet Facets(ValueSet values, PublishedDocument document, PublishedSnapshot snapshot) => values;

    /// <summary>The text a property contributes to search, or null (pickers, numbers, media: nothing to read).</summary>
    public static string? Text(PropertyType property, JsonElement? value, string culture)
    {
        if (value is not { } v)
        {
            return null;
        }

        return property.Editor switch
        {
            PropertyEditor.Markdown => v.ValueKind == JsonValueKind.String ? Markdig.Markdown.ToPlainText(v.GetString()!) : null,
            PropertyEditor.Text or PropertyEditor.Textarea => Text(v),
            PropertyEditor.Tags => v.ValueKind == JsonValueKind.Array ? string.Join(", ", v.EnumerateArray().Select(e => e.GetString())) : null,
            PropertyEditor.Dropdown => string.Join(", ", Selected(v).Select(s => property.Options.FirstOrDefault(o => o.Value == s)?.Label[culture] ?? s)),
            PropertyEditor.KeyValueList => v.ValueKind == JsonValueKind.Array
                ? string.Join("\n", v.EnumerateArray().Select(e => $"{e.GetProperty("key").GetString()}: {e.GetProperty("value").GetString()}"))
                : null,
            _ => null,
        };
    }

    /// <summary>The id of the document a picker points to.</summary>
    protected static Guid? Picked(PublishedDocument document, string alias) =>
        document.SharedValues.TryGetValue(alias, out var value) && value.ValueKind == JsonValueKind.String && Guid.TryParse(value.GetString(), out var key) ? key : null;

    private static string? Text(JsonElement? value) => value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static IEnumerable<string> Selected(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => [value.GetString()!],
        JsonValueKind.Array => value.EnumerateArray().Select(e => e.GetString()).OfType<string>(),
        _ => [],
    };
}

/// <summary>Every routable page type the other builders do not claim (text pages, sectors, listings, contact…).</summary>
public sealed class DefaultValueSetBuilder : PageValueSetBuilder
{
}

/// <summary>Products: the maker's name in the body, the sector, the award years and Top 10 from the registry.</summary>
public sealed class ProductValueSetBuilder(AwardRegistry registry) : PageValueSetBuilder
{
    public override IReadOnlyCollection<string> DocumentTypes => ["product"];

    public override IEnumerable<PublishedDocument> Dependents(PublishedDocument document, PublishedSnapshot snapshot) =>
        Picked(document, "enterprise") is { } enterprise && snapshot.Get(enterprise) is { } maker ? [maker] : [];

    protected override void AddBody(PublishedDocument document, PublishedSnapshot snapshot, string contentCulture, StringBuilder body)
    {
        if (Picked(document, "enterprise") is { } key && snapshot.Get(key) is { } enterprise)
        {
            body.Append((enterprise.Variants.GetValueOrDefault(contentCulture) ?? enterprise.Variants.Values.First()).Name).Append('\n');
        }
    }

    protected override ValueSet Facets(ValueSet values, PublishedDocument document, PublishedSnapshot snapshot)
    {
        var awards = registry.Current.ForProduct(document.Key).ToList();
        var sector = Picked(document, "sector") is { } key && snapshot.Get(key) is { } s && s.SharedValues.TryGetValue("code", out var code) ? code.GetString() : null;
        return values with
        {
            Sectors = [.. new[] { sector }.Concat(awards.Select(a => a.SectorCode)).OfType<string>().Where(c => c.Length > 0).Distinct()],
            AwardYears = [.. awards.Select(a => a.Year).Distinct().Order()],
            Top10 = awards.Any(a => a.Top10),
        };
    }
}

/// <summary>Enterprises: the sectors of their products and awards, the award years and Top 10.</summary>
public sealed class EnterpriseValueSetBuilder(AwardRegistry registry) : PageValueSetBuilder
{
    private (long Generation, ILookup<Guid, PublishedDocument> Products) _products = (-1, Array.Empty<PublishedDocument>().ToLookup(d => Guid.Empty));

    public override IReadOnlyCollection<string> DocumentTypes => ["enterprise"];

    /// <summary>Its products carry its name.</summary>
    public override IEnumerable<PublishedDocument> Dependents(PublishedDocument document, PublishedSnapshot snapshot) => ProductsOf(snapshot)[document.Key];

    protected override ValueSet Facets(ValueSet values, PublishedDocument document, PublishedSnapshot snapshot)
    {
        var awards = registry.Current.ForEnterprise(document.Key).ToList();
        var productSectors = ProductsOf(snapshot)[document.Key]
            .Select(p => Picked(p, "sector") is { } key && snapshot.Get(key) is { } s && s.SharedValues.TryGetValue("code", out var code) ? code.GetString() : null);
        return values with
        {
            Sectors = [.. productSectors.Concat(awards.Select(a => a.SectorCode)).OfType<string>().Where(c => c.Length > 0).Distinct()],
            AwardYears = [.. awards.Select(a => a.Year).Distinct().Order()],
            Top10 = awards.Any(a => a.Top10),
        };
    }

    /// <summary>Products by enterprise, once per snapshot (a rebuild asks for every enterprise).</summary>
    private ILookup<Guid, PublishedDocument> ProductsOf(PublishedSnapshot snapshot)
    {
        var cached = _products;
        if (cached.Generation == snapshot.Generation)
        {
            return cached.Products;
        }

        var lookup = snapshot.OfType("product").Where(p => Picked(p, "enterprise") is not null).ToLookup(p => Picked(p, "enterprise")!.Value);
        _products = (snapshot.Generation, lookup);
        return lookup;
    }
}
