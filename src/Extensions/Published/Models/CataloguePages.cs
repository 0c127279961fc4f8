using Spcncl.Markdown;

namespace Spcncl.Published.Models;

// The typed models of the catalogue's and registry's document types (issue: the award registry and catalogue).
// Each property reads the alias of the same name in uSync/DocumentTypes/{alias}.json.

[DocumentTypeModel("productCatalogue")]
public sealed class ProductCataloguePage(PublishedPageContext context) : PublishedPage(context)
{
    public SanitizedHtml Intro => Markdown("intro");
}

[DocumentTypeModel("product")]
public sealed class ProductPage(PublishedPageContext context) : PublishedPage(context)
{
    public string? Summary => Text("summary");

    public Guid? EnterpriseKey => PickedKey("enterprise");

    public Guid? SectorKey => PickedKey("sector");

    public SanitizedHtml Description => Markdown("description");

    public IReadOnlyList<KeyValueItem> Specifications => KeyValues("specifications");

    public IReadOnlyList<Guid> ImageKeys => PickedKeys("images");

    public Guid? BrochureKey => PickedKey("brochure");

    /// <summary>The manufacturer's page in this culture, when it exists.</summary>
    public EnterprisePage? Enterprise => Picked("enterprise") as EnterprisePage;

    public SectorPage? Sector => Picked("sector") as SectorPage;
}

[DocumentTypeModel("enterpriseDirectory")]
public sealed class EnterpriseDirectoryPage(PublishedPageContext context) : PublishedPage(context)
{
    public SanitizedHtml Intro => Markdown("intro");
}

[DocumentTypeModel("enterprise")]
public sealed class EnterprisePage(PublishedPageContext context) : PublishedPage(context)
{
    public string? ShortName => Text("shortName");

    public string? TaxCode => Text("taxCode");

    public Guid? LogoKey => PickedKey("logo");

    public string? Summary => Text("summary");

    public SanitizedHtml Description => Markdown("description");

    public string? Address => Text("address");

    public string? Area => Text("area");

    public string? AreaLabel => OptionLabel("area", Area);

    public string? Website => Text("website");

    public string? BuyerEmail => Text("buyerEmail");

    public string? BuyerPhone => Text("buyerPhone");

    public string? BuyerPhoneUri => BuyerPhone is { } phone ? "tel:" + new string(phone.Where(c => char.IsAsciiDigit(c) || c == '+').ToArray()) : null;

    public int? YearFounded => Number("yearFounded") is { } year ? (int)year : null;

    public string? EmployeesLabel => OptionLabel("employees", Text("employees"));

    public IReadOnlyList<string> ExportMarkets => Strings("exportMarkets");

    public IReadOnlyList<string> ExportMarketLabels => [.. ExportMarkets.Select(m => OptionLabel("exportMarkets", m) ?? m)];

    public IReadOnlyList<string> Certifications => Strings("certifications");

    public IReadOnlyList<Guid> GalleryKeys => PickedKeys("gallery");
}

[DocumentTypeModel("awardRegistry")]
public sealed class AwardRegistryPage(PublishedPageContext context) : PublishedPage(context)
{
    public SanitizedHtml Intro => Markdown("intro");

    public RegistryStatisticsPage? Statistics => ChildrenOf<RegistryStatisticsPage>().FirstOrDefault();
}

[DocumentTypeModel("registryStatistics")]
public sealed class RegistryStatisticsPage(PublishedPageContext context) : PublishedPage(context)
{
    public SanitizedHtml Intro => Markdown("intro");
}

[DocumentTypeModel("certificateVerification")]
public sealed class CertificateVerificationPage(PublishedPageContext context) : PublishedPage(context)
{
    public SanitizedHtml Intro => Markdown("intro");
}
