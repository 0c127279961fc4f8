using Spcncl.Localization;
using Spcncl.Media;
using Spcncl.Published;
using Spcncl.Published.Models;
using Spcncl.Registry;

namespace Spcncl.Site.Pages;

/// <summary>Turns catalogue entries and awards into the cards and rows pages show, with links in the page's culture.</summary>
public sealed class CatalogueLinks(PublishedSnapshotService snapshots, PublishedModelFactory models, MediaIndex media, AwardRegistry registry)
{
    public ProductCard Card(CatalogueEntry entry) => new(
        entry.Name,
        entry.Url,
        entry.EnterpriseName,
        entry.Summary,
        entry.ImageKey is { } image ? media.Get(image) : null,
        entry.LatestYear,
        entry.Top10Years,
        entry.IsFallback);

    public AwardRow Row(Award award, string culture, string? verifyPageUrl)
    {
        var snapshot = snapshots.Current;
        string? UrlOf(Guid key) => snapshot.Get(key) is { } document ? snapshot.In(document, culture)?.Url : null;
        string? NameOf(Guid key) => snapshot.Get(key) is { } document && models.Create(document, culture, snapshot) is { } page ? page.Name : null;
        var sector = snapshot.OfType("sector").Select(d => models.Create(d, culture, snapshot)).OfType<SectorPage>().FirstOrDefault(s => s.Code == award.SectorCode);
        return new AwardRow(
            award.Year,
            award.CertificateNumber,
            award.ProductName(culture),
            UrlOf(award.ProductKey),
            NameOf(award.EnterpriseKey) ?? award.EnterpriseName(culture),
            UrlOf(award.EnterpriseKey),
            sector?.Name ?? award.SectorCode,
            award.Top10,
            award.FirstTime,
            award.ValidUntil,
            award.IsValidOn(registry.Today),
            verifyPageUrl is null ? null : $"{verifyPageUrl}?certificate={Uri.EscapeDataString(award.CertificateNumber)}");
    }

    /// <summary>The certificate verification page in the culture, if the site has one.</summary>
    public string? VerifyPageUrl(string culture)
    {
        var snapshot = snapshots.Current;
        return snapshot.OfType("certificateVerification").Select(d => snapshot.In(d, culture)?.Url).FirstOrDefault(u => u is not null);
    }

    public EnterpriseCard? Enterprise(EnterprisePage? page) => page is null ? null : new EnterpriseCard(
        page.Name,
        page.Url,
        page.LogoKey is { } logo ? media.Get(logo) : null,
        page.AreaLabel,
        page.Website,
        page.BuyerEmail,
        page.BuyerPhone,
        page.BuyerPhoneUri,
        page.ExportMarketLabels);

    public IReadOnlyList<MediaItem> Media(IEnumerable<Guid> keys) => [.. keys.Select(media.Get).OfType<MediaItem>()];

    public MediaItem? MediaItem(Guid? key) => key is { } k ? media.Get(k) : null;
}
