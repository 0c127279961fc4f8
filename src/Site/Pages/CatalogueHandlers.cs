using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Spcncl.Media;
using Spcncl.Published;
using Spcncl.Published.Models;
using Spcncl.Registry;
using Spcncl.Registry.Enquiries;
using Spcncl.Site.Rendering;

namespace Spcncl.Site.Pages;

/// <summary>The product catalogue: filters and sort from the query string (unknown values are ignored), 24 cards a page.</summary>
public sealed class ProductCatalogueHandler(ProductCatalogue catalogue, CatalogueLinks links, PublishedSnapshotService snapshots, Spcncl.Search.SearchService search) : IPageHandler
{
    public const int MaxQueryLength = 200;

    public string DocumentType => "productCatalogue";

    public PageOutcome? Render(PageRequest request)
    {
        if (request.SubPath.Count > 0)
        {
            return null;
        }

        var page = (ProductCataloguePage)request.Page;
        var query = Read(request.Query, catalogue.Markets(request.Culture), catalogue.Areas(request.Culture), snapshots.Current);
        if (query.Text is { } words)
        {
            query = query with { TextMatches = search.MatchProducts(words) };
        }

        var result = catalogue.Search(query, request.Culture);
        var url = page.Url!;
        string PageUrl(int number) => Link(url, request.Query, "page", number == 1 ? null : number.ToString(CultureInfo.InvariantCulture));
        var pages = Enumerable.Range(1, result.PageCount)
            .Where(n => n == 1 || n == result.PageCount || Math.Abs(n - result.Page) <= 2)
            .Select(n => new FilterLink(n.ToString(CultureInfo.InvariantCulture), PageUrl(n), n, n == result.Page))
            .ToList();
        return new RenderView(
            "~/Views/Pages/ProductCatalogue.cshtml",
            new CatalogueView(page, query, result, [.. result.Items.Select(links.Card)], pages,
                result.Page > 1 ? PageUrl(result.Page - 1) : null,
                result.Page < result.PageCount ? PageUrl(result.Page + 1) : null,
                url),
            NoIndex: query.HasFilters || query.Page > 1);
    }

    /// <summary>Reads the filters; a value that is not a known sector, market, area or year is dropped rather than refused.</summary>
    internal static CatalogueQuery Read(IQueryCollection query, IReadOnlyCollection<string> markets, IReadOnlyCollection<string> areas, PublishedSnapshot snapshot)
    {
        string? Known(string name, IEnumerable<string> allowed)
        {
            var value = query[name].ToString();
            return value.Length > 0 && allowed.Contains(value, StringComparer.Ordinal) ? value : null;
        }

        var sectors = snapshot.OfType("sector").Select(d => d.SharedValues.TryGetValue("code", out var code) ? code.GetString() ?? "" : "");
        var text = query["q"].ToString().Trim();
        return new CatalogueQuery(
            Known("sector", sectors),
            int.TryParse(query["year"], NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year is >= RegistryOptions.FirstYear and <= 2100 ? year : null,
            Flag(query["top10"]),
            Flag(query["valid"]),
            Known("market", markets),
            Known("area", areas),
            text.Length == 0 ? null : text[..Math.Min(text.Length, MaxQueryLength)],
            query["sort"].ToString() switch
            {
                "newest" => CatalogueSort.Newest,
                "name" => CatalogueSort.Name,
                _ => text.Length > 0 ? CatalogueSort.Relevance : CatalogueSort.Name,
            },
            int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and < 100_000 ? number : 1);
    }

    internal static bool Flag(string? value) => value is "true" or "1" or "on";

    /// <summary>The current URL with one parameter changed (null removes it); paging restarts when a filter changes.</summary>
    internal static string Link(string url, IQueryCollection query, string name, string? value)
    {
        var parameters = query.Where(p => p.Key != name && !(name != "page" && p.Key == "page")).SelectMany(p => p.Value.Select(v => KeyValuePair.Create(p.Key, v))).ToList();
        if (value is not null)
        {
            parameters.Add(KeyValuePair.Create(name, (string?)value));
        }

        return parameters.Count == 0 ? url : QueryHelpers.AddQueryString(url, parameters);
    }
}

/// <summary>A product's page: gallery, awards, manufacturer, related products, JSON-LD, and the enquiry form.</summary>
public sealed class ProductHandler(
    ProductCatalogue catalogue,
    CatalogueLinks links,
    AwardRegistry registry,
    EnquiryService enquiries,
    MediaUrls mediaUrls,
    SiteUrls siteUrls,
    Spcncl.Localization.SiteText text) : IPageHandler
{
    public const string SentSegment = "enquiry-sent";

    public bool HasSubPaths => true;

    public string DocumentType => "product";

    public PageOutcome? Render(PageRequest request)
    {
        var page = (ProductPage)request.Page;
        if (request.SubPath is [SentSegment])
        {
            return new RenderView("~/Views/Pages/EnquirySent.cshtml", new EnquirySentView(page, page.Enterprise?.Name ?? ""), UrlSuffix: "/" + SentSegment, NoIndex: true);
        }

        return request.SubPath.Count == 0 ? Render(request, new EnquiryInput(), new Dictionary<string, string>()) : null;
    }

    public async Task<PageOutcome?> PostAsync(PageRequest request)
    {
        var page = (ProductPage)request.Page;
        if (page.EnterpriseKey is not { } enterprise || !request.Http.Request.HasFormContentType)
        {
            return null;
        }

        var form = await request.Http.Request.ReadFormAsync(request.Http.RequestAborted);
        var input = new EnquiryInput
        {
            Name = form["Name"],
            Company = form["Company"],
            Country = form["Country"],
            Email = form["Email"],
            Message = form["Message"],
            MeetAtFair = ProductCatalogueHandler.Flag(form["MeetAtFair"]),
            Website = form["Website"],
        };
        if (request.FormTokenRejected)
        {
            return Render(request, input, new Dictionary<string, string> { [EnquiryForm.FormLevel] = EnquiryForm.Expired }, StatusCodes.Status400BadRequest);
        }

        // The form posts to "…#enquiry" (so a refused form opens at its messages); a redirect without a fragment of
        // its own would inherit that one, so the confirmation names its own.
        var sent = new RedirectTo($"{page.Url}/{SentSegment}#main");
        if (input.IsRobot)
        {
            // A robot filled the hidden field: it sees the same answer as a person and nothing is stored.
            return sent;
        }

        var errors = EnquiryService.Validate(input);
        if (errors.Count > 0)
        {
            return Render(request, input, errors, StatusCodes.Status400BadRequest);
        }

        await enquiries.SubmitAsync(input, page.Key, enterprise, request.Culture, request.Http.RequestAborted);
        return sent;
    }

    private RenderView Render(PageRequest request, EnquiryInput input, IReadOnlyDictionary<string, string> errors, int status = StatusCodes.Status200OK)
    {
        var page = (ProductPage)request.Page;

        PublicForms.DoNotCompress(request);

        var verify = links.VerifyPageUrl(request.Culture);
        var awards = registry.Current.ForProduct(page.Key).Select(a => links.Row(a, request.Culture, verify)).ToList();
        var entries = catalogue.Entries(request.Culture);
        var sector = page.Sector?.Code;
        var related = entries
            .Where(e => e.Key != page.Key && e.SectorCode == sector)
            .OrderBy(e => e.EnterpriseKey == page.EnterpriseKey ? 1 : 0)
            .ThenBy(e => (e.NameRank * 7919 + page.Id) % Math.Max(1, entries.Count))
            .Take(4)
            .Select(links.Card)
            .ToList();
        var images = links.Media(page.ImageKeys);
        var enterprise = page.Enterprise;
        return new RenderView(
            "~/Views/Pages/Product.cshtml",
            new ProductView(page, images, links.Enterprise(enterprise), awards, related, links.MediaItem(page.BrochureKey),
                new EnquiryForm(input, errors, page.Url!), JsonLd(request, page, images, enterprise, awards)),
            status);
    }

    private string JsonLd(PageRequest request, ProductPage page, IReadOnlyList<MediaItem> images, EnterprisePage? enterprise, List<AwardRow> awards)
    {
        string Absolute(string path) => siteUrls.Absolute(request.Http.Request, path);
        var data = new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Product",
            ["name"] = page.Name,
            ["description"] = page.Summary,
            ["url"] = Absolute(page.Url!),
            ["category"] = page.Sector?.Name,
            ["image"] = images.Select(i => Absolute(mediaUrls.Image(i, new ImageCommand(1200, null, FitMode.Max, OutputFormat.Jpeg)))).ToArray(),
            ["manufacturer"] = enterprise is null ? null : new Dictionary<string, object?>
            {
                ["@type"] = "Organization",
                ["name"] = enterprise.Name,
                ["url"] = enterprise.Url is { } url ? Absolute(url) : null,
                ["taxID"] = enterprise.TaxCode,
            },
            ["award"] = awards.Select(a => text.Format(a.Top10 ? "Award.TitleTop10" : "Award.Title", a.Year)).ToArray(),
        };
        return JsonSerializer.Serialize(data.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value));
    }
}

/// <summary>The enterprise directory: A–Z and filters by sector, market and area.</summary>
public sealed class EnterpriseDirectoryHandler(EnterpriseDirectory directory, CatalogueLinks links) : IPageHandler
{
    public string DocumentType => "enterpriseDirectory";

    public PageOutcome? Render(PageRequest request)
    {
        if (request.SubPath.Count > 0)
        {
            return null;
        }

        var page = (EnterpriseDirectoryPage)request.Page;
        var entries = directory.Entries(request.Culture);
        string? Known(string name, IEnumerable<string> allowed) =>
            request.Query[name].ToString() is { Length: > 0 } value && allowed.Contains(value, StringComparer.Ordinal) ? value : null;
        var query = new DirectoryQuery(
            Known("letter", EnterpriseDirectory.Alphabet(request.Culture).Append("#")),
            Known("sector", entries.SelectMany(e => e.SectorCodes).Distinct()),
            Known("market", entries.SelectMany(e => e.Markets).Distinct()),
            Known("area", entries.Select(e => e.Area).OfType<string>().Distinct()));
        var result = directory.Search(query, request.Culture);
        var url = page.Url!;
        var letters = result.Letters
            .Select(l => new FilterLink(l.Label, ProductCatalogueHandler.Link(url, request.Query, "letter", query.Letter == l.Value ? null : l.Value), l.Count, query.Letter == l.Value))
            .ToList();
        var cards = result.Items.Select(e => new DirectoryCard(e.Name, e.Url, e.Summary, links.MediaItem(e.LogoKey), e.AreaLabel, [.. e.SectorNames.Values], e.ProductCount, e.LatestYear, e.IsFallback)).ToList();
        return new RenderView("~/Views/Pages/EnterpriseDirectory.cshtml", new DirectoryView(page, query, result, letters, cards, url), NoIndex: query.HasFilters);
    }
}

/// <summary>An enterprise's profile: its products, its awards over the years, its contacts, JSON-LD Organization.</summary>
public sealed class EnterpriseHandler(ProductCatalogue catalogue, CatalogueLinks links, AwardRegistry registry, SiteUrls siteUrls, Spcncl.Localization.SiteText text) : IPageHandler
{
    public string DocumentType => "enterprise";

    public PageOutcome? Render(PageRequest request)
    {
        if (request.SubPath.Count > 0)
        {
            return null;
        }

        var page = (EnterprisePage)request.Page;
        var verify = links.VerifyPageUrl(request.Culture);
        var products = catalogue.Entries(request.Culture).Where(e => e.EnterpriseKey == page.Key).Select(links.Card).ToList();
        var awards = registry.Current.ForEnterprise(page.Key).Select(a => links.Row(a, request.Culture, verify)).ToList();
        var card = links.Enterprise(page)!;
        string Absolute(string path) => siteUrls.Absolute(request.Http.Request, path);
        var jsonLd = JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "Organization",
            ["name"] = page.Name,
            ["alternateName"] = page.ShortName,
            ["url"] = Absolute(page.Url!),
            ["sameAs"] = page.Website,
            ["taxID"] = page.TaxCode,
            ["foundingDate"] = page.YearFounded?.ToString(CultureInfo.InvariantCulture),
            ["email"] = page.BuyerEmail,
            ["telephone"] = page.BuyerPhone,
            ["address"] = new Dictionary<string, object?> { ["@type"] = "PostalAddress", ["streetAddress"] = page.Address, ["addressLocality"] = "Hà Nội", ["addressCountry"] = "VN" },
            ["award"] = awards.Select(a => $"{text.Format(a.Top10 ? "Award.TitleTop10" : "Award.Title", a.Year)}: {a.ProductName}").ToArray(),
        }.Where(p => p.Value is not null).ToDictionary(p => p.Key, p => p.Value));
        return new RenderView("~/Views/Pages/Enterprise.cshtml", new EnterpriseView(page, card, links.Media(page.GalleryKeys), products, awards, jsonLd));
    }
}

/// <summary>The registry: the list of years, and one year's decision with its Top 10 and every certified product (<c>/en/awards/2023</c>).</summary>
public sealed class AwardRegistryHandler(AwardRegistry registry, CatalogueLinks links) : IPageHandler
{
    public bool HasSubPaths => true;

    public string DocumentType => "awardRegistry";

    public IEnumerable<string> SitemapSuffixes() => registry.Current.Cycles.Select(c => $"/{c.Year}");

    public PageOutcome? Render(PageRequest request)
    {
        var page = (AwardRegistryPage)request.Page;
        var snapshot = registry.Current;
        var culture = request.Culture;
        var openJson = "/opendata/awards.json";
        var openCsv = "/opendata/awards.csv";
        if (request.SubPath.Count == 0)
        {
            var rows = snapshot.Cycles.Select(c =>
            {
                var awards = snapshot.ForYear(c.Year).ToList();
                return new CycleRow(c.Year, $"{page.Url}/{c.Year}", c.DecisionNumber.Length > 0 ? c.DecisionNumber : null, c.DecisionDate, c.Status, awards.Count, awards.Select(a => a.EnterpriseKey).Distinct().Count(), awards.Count(a => a.Top10));
            }).ToList();
            return new RenderView("~/Views/Pages/AwardRegistry.cshtml", new RegistryIndexView(page, rows, openJson, openCsv));
        }

        if (request.SubPath is not [var yearText] || !int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var year) || yearText.Length != 4
            || snapshot.Cycle(year) is not { } cycle)
        {
            return null;
        }

        var verify = links.VerifyPageUrl(culture);
        var all = snapshot.ForYear(year).Select(a => links.Row(a, culture, verify)).ToList();
        var years = snapshot.Cycles.Select(c => c.Year).Order().ToList();
        var index = years.IndexOf(year);
        var bySector = all.GroupBy(a => a.SectorName).Select(g => new SectorAwards(g.Key, [.. g.OrderBy(a => a.CertificateNumber, StringComparer.Ordinal)])).ToList();
        return new RenderView(
            "~/Views/Pages/AwardRegistryYear.cshtml",
            new RegistryYearView(page, cycle, [.. all.Where(a => a.Top10)], bySector, all.Count, snapshot.ForYear(year).Select(a => a.EnterpriseKey).Distinct().Count(),
                $"{openJson}?year={year}", $"{openCsv}?year={year}",
                index > 0 ? $"{page.Url}/{years[index - 1]}" : null,
                index < years.Count - 1 ? $"{page.Url}/{years[index + 1]}" : null),
            UrlSuffix: $"/{year}",
            Title: year.ToString(CultureInfo.InvariantCulture));
    }
}

/// <summary>Certificate verification: valid (until), expired (since) or not found, with the product and enterprise, and the QR code.</summary>
public sealed class CertificateVerificationHandler(CertificateVerifier verifier, CatalogueLinks links) : IPageHandler
{
    public string DocumentType => "certificateVerification";

    public PageOutcome? Render(PageRequest request)
    {
        if (request.SubPath.Count > 0)
        {
            return null;
        }

        var page = (CertificateVerificationPage)request.Page;
        var result = verifier.Verify(request.Query["certificate"]);
        var row = result.Award is { } award ? links.Row(award, request.Culture, null) : null;
        return new RenderView(
            "~/Views/Pages/CertificateVerification.cshtml",
            new VerificationView(page, result, row, result.Award is { } a && result.Status != VerificationStatus.NotRecognised ? QrEndpoints.Url(a.CertificateNumber) : null),
            NoIndex: result.Status != VerificationStatus.NotAsked);
    }
}

/// <summary>The statistics page: awards per year by sector, first-time against re-certified, as SVG charts with tables.</summary>
public sealed class RegistryStatisticsHandler(AwardRegistry registry, Spcncl.Localization.SiteText text, PublishedSnapshotService snapshots, PublishedModelFactory models) : IPageHandler
{
    public string DocumentType => "registryStatistics";

    public PageOutcome? Render(PageRequest request)
    {
        if (request.SubPath.Count > 0)
        {
            return null;
        }

        var page = (RegistryStatisticsPage)request.Page;
        var years = RegistryStatistics.PerYear(registry.Current);
        var snapshot = snapshots.Current;
        var sectors = snapshot.OfType("sector")
            .Select(d => models.Create(d, request.Culture, snapshot))
            .OfType<SectorPage>()
            .Select(s => (s.Code, s.Name))
            .Where(s => years.Any(y => y.BySector.ContainsKey(s.Code)))
            .ToList();
        var categories = years.Select(y => y.Year.ToString(CultureInfo.InvariantCulture)).ToList();
        var bySector = new BarChart(
            text["Statistics.BySectorTitle"],
            text["Statistics.BySectorDescription"],
            categories,
            [.. sectors.Select(s => new ChartSeries(s.Name, [.. years.Select(y => y.BySector.GetValueOrDefault(s.Code))]))]);
        var firstTime = new BarChart(
            text["Statistics.FirstTimeTitle"],
            text["Statistics.FirstTimeDescription"],
            categories,
            [new ChartSeries(text["Statistics.FirstTime"], [.. years.Select(y => y.FirstTime)]), new ChartSeries(text["Statistics.Recertified"], [.. years.Select(y => y.Recertified)])]);
        return new RenderView("~/Views/Pages/RegistryStatistics.cshtml", new StatisticsView(page, bySector, firstTime, years, sectors));
    }
}
