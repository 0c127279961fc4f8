using Spcncl.Media;
using Spcncl.Published.Models;
using Spcncl.Registry;
using Spcncl.Registry.Enquiries;
using Spcncl.Site.Rendering;

namespace Spcncl.Site.Pages;

// View models of the catalogue and registry pages. Handlers build them; views only print them.

public sealed record ProductCard(string Name, string Url, string EnterpriseName, string? Summary, MediaItem? Image, int? LatestYear, IReadOnlyList<int> Top10Years, bool IsFallback);

public sealed record AwardRow(
    int Year,
    string CertificateNumber,
    string ProductName,
    string? ProductUrl,
    string EnterpriseName,
    string? EnterpriseUrl,
    string SectorName,
    bool Top10,
    bool FirstTime,
    DateOnly ValidUntil,
    bool IsValid,
    string? VerifyUrl);

public sealed record EnterpriseCard(string Name, string? Url, MediaItem? Logo, string? AreaLabel, string? Website, string? Email, string? Phone, string? PhoneUri, IReadOnlyList<string> Markets);

/// <summary>A link that keeps the current filters and changes one (the catalogue's and directory's facets and pages).</summary>
public sealed record FilterLink(string Label, string Url, int Count, bool Active);

public sealed record CatalogueView(
    ProductCataloguePage Page,
    CatalogueQuery Query,
    CatalogueResult Result,
    IReadOnlyList<ProductCard> Cards,
    IReadOnlyList<FilterLink> Pages,
    string? PreviousPage,
    string? NextPage,
    string ClearUrl);

public sealed record ProductView(
    ProductPage Page,
    IReadOnlyList<MediaItem> Images,
    EnterpriseCard? Enterprise,
    IReadOnlyList<AwardRow> Awards,
    IReadOnlyList<ProductCard> Related,
    MediaItem? Brochure,
    EnquiryForm Form,
    string JsonLd)
{
    public IEnumerable<AwardRow> Top10Awards => Awards.Where(a => a.Top10);
}

/// <summary>The enquiry form: what the buyer typed (kept when it is refused) and the message per field.</summary>
public sealed record EnquiryForm(EnquiryInput Input, IReadOnlyDictionary<string, string> Errors, string Action)
{
    /// <summary>The key of an error about the whole form rather than one field (an expired token).</summary>
    public const string FormLevel = "";

    /// <summary>The form-level error when the antiforgery token failed.</summary>
    public const string Expired = nameof(Expired);

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);

    public string? FormError => Errors.GetValueOrDefault(FormLevel);

    public bool HasErrors => Errors.Count > 0;
}

public sealed record EnquirySentView(ProductPage Page, string EnterpriseName);

public sealed record DirectoryView(
    EnterpriseDirectoryPage Page,
    DirectoryQuery Query,
    DirectoryResult Result,
    IReadOnlyList<FilterLink> Letters,
    IReadOnlyList<DirectoryCard> Cards,
    string ClearUrl);

public sealed record DirectoryCard(string Name, string Url, string? Summary, MediaItem? Logo, string? AreaLabel, IReadOnlyList<string> Sectors, int ProductCount, int? LatestYear, bool IsFallback);

public sealed record EnterpriseView(
    EnterprisePage Page,
    EnterpriseCard Card,
    IReadOnlyList<MediaItem> Gallery,
    IReadOnlyList<ProductCard> Products,
    IReadOnlyList<AwardRow> Awards,
    string JsonLd);

public sealed record RegistryIndexView(AwardRegistryPage Page, IReadOnlyList<CycleRow> Cycles, string OpenDataJson, string OpenDataCsv);

public sealed record CycleRow(int Year, string Url, string? DecisionNumber, DateOnly? DecisionDate, CycleStatus Status, int Products, int Enterprises, int Top10);

public sealed record RegistryYearView(
    AwardRegistryPage Page,
    AwardCycle Cycle,
    IReadOnlyList<AwardRow> Top10,
    IReadOnlyList<SectorAwards> BySector,
    int Products,
    int Enterprises,
    string OpenDataJson,
    string OpenDataCsv,
    string? PreviousYearUrl,
    string? NextYearUrl);

public sealed record SectorAwards(string SectorName, IReadOnlyList<AwardRow> Awards);

public sealed record VerificationView(CertificateVerificationPage Page, Verification Result, AwardRow? Award, string? QrUrl);

public sealed record StatisticsView(RegistryStatisticsPage Page, BarChart BySector, BarChart FirstTime, IReadOnlyList<YearFigures> Years, IReadOnlyList<(string Code, string Name)> Sectors);

/// <summary>One form field: its name, label, what was typed, the error code, and how to draw it.</summary>
public sealed record FormField(string Name, string Label, string? Value, string? Error, bool Required, int MaxLength, string? Autocomplete = null, string Kind = "text")
{
    /// <summary>Long fields say their limit under the label.</summary>
    public bool ShowsLimit => MaxLength > 500;

    public string ErrorId => $"{Name}-error";

    public string HintId => $"{Name}-hint";

    /// <summary>The ids of the hint and the error that describe the control, or null when there are none.</summary>
    public string? DescribedBy => string.Join(' ', new[] { Error is null ? null : ErrorId, ShowsLimit ? HintId : null }.OfType<string>()) is { Length: > 0 } ids ? ids : null;
}

/// <summary>An award table and which columns it shows (a product's history needs no product column).</summary>
public sealed record AwardTable(IReadOnlyList<AwardRow> Rows, string Caption, bool CaptionHidden = false, bool ShowYear = true, bool ShowProduct = true, bool ShowEnterprise = true);
