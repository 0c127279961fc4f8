using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spcncl.Localization;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;
using Spcncl.Registry;
using Spcncl.Registry.Enquiries;
using Spcncl.Registry.Import;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.Integration;

/// <summary>
/// The registry over HTTP, as a buyer and a machine meet it: the catalogue's filters and counts, certificate
/// verification in both languages, the QR codes and short links printed on certificates, the enquiry form (refusals
/// keep what was typed; tokens, honeypot and rate limit), and the open data. SMTP points at a closed loopback port,
/// so every enquiry's mail fails and must still be kept. The same tests run on SQLite and on PostgreSQL.
/// </summary>
public abstract partial class RegistryEndpointTests(RegistrySiteFactory site)
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);
    private static int _clients;

    /// <summary>
    /// A browser at its own address: the public-forms rate limit counts per address, so each test posts from a
    /// fresh one (the rate-limit test exhausts its own).
    /// </summary>
    private HttpClient Browser(string? acceptLanguage = null, IPAddress? address = null)
    {
        address ??= IPAddress.Parse($"2001:db8::{Interlocked.Increment(ref _clients):x}");
        var client = new HttpClient(site.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address)) { BaseAddress = new Uri("http://localhost") };
        if (acceptLanguage is not null)
        {
            client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return client;
    }

    private T Service<T>()
        where T : notnull => site.Services.GetRequiredService<T>();

    private RegistrySnapshot Registry => Service<AwardRegistry>().Current;

    private string Text(string culture, string key) => Encoder.Encode(Service<SiteText>().In(culture, key));

    private string Format(string culture, string key, params object[] args) =>
        Encoder.Encode(string.Format(System.Globalization.CultureInfo.InvariantCulture, Service<SiteText>().In(culture, key), args));

    private string Date(DateOnly date, string culture) => Service<CultureFormatter>().Date(date, culture);

    private static async Task<(HttpStatusCode Status, string Html)> GetAsync(HttpClient browser, string url)
    {
        var response = await browser.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    // ---- Catalogue ---------------------------------------------------------------------------------

    [Theory]
    [InlineData("/en/products", "en")]
    [InlineData("/vi/san-pham", "vi")]
    public async Task Catalogue_ShowsTheFirst24Products_AndEachOptionWithItsCount(string url, string culture)
    {
        var expected = Service<ProductCatalogue>().Search(new CatalogueQuery(), culture);

        var (status, html) = await GetAsync(Browser(), url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(24, ProductCard().Count(html));
        Assert.Contains($"<h2 id=\"results-count\" class=\"results-count\">{Format(culture, "Catalogue.Count", expected.Total)}</h2>", html, StringComparison.Ordinal);
        foreach (var sector in expected.Sectors)
        {
            Assert.Contains($"<option value=\"{sector.Value}\">{Encoder.Encode(sector.Label)} ({sector.Count})</option>", html, StringComparison.Ordinal);
        }

        Assert.Contains("rel=\"next\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/en/products?sector=electrical&year=2021", "en")]
    [InlineData("/en/products?valid=true&market=eu", "en")]
    [InlineData("/vi/san-pham?sector=food&market=eu&sort=newest", "vi")]
    [InlineData("/en/products?area=cau-giay&top10=true", "en")]
    public async Task Catalogue_FiltersFromTheQueryString_ListWhatTheCatalogueFinds(string url, string culture)
    {
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://localhost" + url).Query);
        var expected = Service<ProductCatalogue>().Search(
            new CatalogueQuery(
                query.TryGetValue("sector", out var sector) ? sector.ToString() : null,
                query.TryGetValue("year", out var year) ? int.Parse(year!, System.Globalization.CultureInfo.InvariantCulture) : null,
                query.ContainsKey("top10"),
                query.ContainsKey("valid"),
                query.TryGetValue("market", out var market) ? market.ToString() : null,
                query.TryGetValue("area", out var area) ? area.ToString() : null,
                Sort: query.ContainsKey("sort") ? CatalogueSort.Newest : CatalogueSort.Name),
            culture);

        var (status, html) = await GetAsync(Browser(), url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(expected.Total > 0 || url.Contains("valid=true", StringComparison.Ordinal), url);
        Assert.Equal(expected.Items.Select(e => e.Url), ProductCard().Matches(html).Select(m => m.Groups["url"].Value));
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/en/products?top10=true&year=2020", "en")]
    [InlineData("/vi/san-pham?year=2020&top10=true", "vi")]
    public async Task Catalogue_Top10WithAYear_ListsThatYearsTop10(string url, string culture)
    {
        var (status, html) = await GetAsync(Browser(), url);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(10, ProductCard().Count(html));
        Assert.Contains($"{Text(culture, "Catalogue.Top10Only")} (10)</label>", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"2020\" selected=\"selected\">2020 (10)</option>", html, StringComparison.Ordinal);
        var top10 = Registry.ForYear(2020).Where(a => a.Top10).Select(a => a.ProductKey).ToHashSet();
        var urls = Service<ProductCatalogue>().Entries(culture).Where(e => top10.Contains(e.Key)).Select(e => e.Url).Order();
        Assert.Equal(urls, ProductCard().Matches(html).Select(m => m.Groups["url"].Value).Order());
    }

    [Fact]
    public async Task Catalogue_SecondPage_HoldsTheNext24()
    {
        var all = Service<ProductCatalogue>().Search(new CatalogueQuery(Page: 2), "en");

        var (status, html) = await GetAsync(Browser(), "/en/products?page=2");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(all.Items.Select(e => e.Url), ProductCard().Matches(html).Select(m => m.Groups["url"].Value));
        Assert.Contains("rel=\"prev\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("?sector=aerospace")]
    [InlineData("?year=abc")]
    [InlineData("?year=1999")]
    [InlineData("?year=99999999999999999999")]
    [InlineData("?top10=maybe")]
    [InlineData("?valid=%00")]
    [InlineData("?market=mars&area=atlantis")]
    [InlineData("?page=-1")]
    [InlineData("?page=abc")]
    [InlineData("?page=99999999")]
    [InlineData("?sort=%3Cscript%3E")]
    [InlineData("?sector=mechanical&sector=food")]
    [InlineData("?sector[]=food&year=")]
    public async Task Catalogue_UnknownFilterValues_AreIgnored_Never500(string queryString)
    {
        var unfiltered = Service<ProductCatalogue>().Search(new CatalogueQuery(), "en");

        var (status, html) = await GetAsync(Browser(), "/en/products" + queryString);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($">{Format("en", "Catalogue.Count", unfiltered.Total)}</h2>", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<script>alert(1)</script>\"'&")]
    [InlineData("\" onfocus=\"alert(1)")]
    [InlineData("%ff%00 ' OR 1=1 --")]
    public async Task Catalogue_QueryText_IsEchoedEncoded(string text)
    {
        var (status, html) = await GetAsync(Browser(), "/en/products?q=" + Uri.EscapeDataString(text));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<input id=\"q\" name=\"q\" type=\"search\" value=\"{Encoder.Encode(text.Trim())}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\" onfocus=\"alert(1)", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Catalogue_TextWithoutAccents_FindsTheVietnameseProduct()
    {
        var (status, html) = await GetAsync(Browser(), "/vi/san-pham?q=may+tien+cnc");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(">Máy tiện CNC TrangAn CT-25</a>", html, StringComparison.Ordinal);
    }

    // ---- Verification ------------------------------------------------------------------------------

    /// <summary>
    /// A certificate of a recognised year that stays valid for a while: one of the demo registry's, or, once the demo
    /// titles have all expired, a product recognised today.
    /// </summary>
    private async Task<Award> CurrentAwardAsync()
    {
        var today = Service<AwardRegistry>().Today;
        var current = Registry.Awards
            .Where(a => a.Cycle?.Status == CycleStatus.Recognised && a.ValidUntil > today.AddDays(30))
            .OrderBy(a => a.CertificateNumber, StringComparer.Ordinal)
            .FirstOrDefault();
        if (current is not null)
        {
            return current;
        }

        var year = today.Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var line = DecisionLine.Product(1) with
        {
            Year = year,
            DecisionNumber = Registry.Cycle(today.Year)?.DecisionNumber is { Length: > 0 } number ? number : $"1/QĐ-UBND-{year}",
            DecisionDate = Registry.Cycle(today.Year)?.DecisionDate is { } date ? date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : today.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            Certificate = $"TEST-{year}-CURRENT",
        };
        var report = await Service<RegistryImporter>().ImportAsync(new MemoryStream(DecisionFiles.Csv(DecisionLine.Table([line]))), "decision.csv", dryRun: false, "clerk");
        Assert.True(report.Succeeded, $"{report.FileError} {string.Join("; ", report.Errors)}");
        return Registry.ByCertificate(line.Certificate)!;
    }

    [Theory]
    [InlineData("/en/verify", "en")]
    [InlineData("/vi/xac-minh", "vi")]
    public async Task Verify_ValidCertificate_SaysUntilWhen_WithTheProductAndEnterprise(string page, string culture)
    {
        var award = await CurrentAwardAsync();

        var (status, html) = await GetAsync(Browser(), $"{page}?certificate={Uri.EscapeDataString(award.CertificateNumber.ToLowerInvariant())}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Format(culture, "Verify.Valid", Date(award.ValidUntil, culture)), html, StringComparison.Ordinal);
        Assert.Contains(Encoder.Encode(award.ProductName(culture)), html, StringComparison.Ordinal);
        Assert.Contains($"<dd>{award.CertificateNumber}</dd>", html, StringComparison.Ordinal);
        Assert.Contains($"src=\"/qr/certificate/{award.CertificateNumber}.svg\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/en/verify", "en")]
    [InlineData("/vi/xac-minh", "vi")]
    public async Task Verify_ExpiredCertificate_SaysSinceWhen(string page, string culture)
    {
        var award = Registry.ByCertificate("SPCNCL-2018-001")!;

        var (status, html) = await GetAsync(Browser(), $"{page}?certificate=SPCNCL-2018-001");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Format(culture, "Verify.Expired", Date(award.ValidUntil.AddDays(1), culture)), html, StringComparison.Ordinal);
        Assert.DoesNotContain(Format(culture, "Verify.Valid", Date(award.ValidUntil, culture)), html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/en/verify", "en", "SPCNCL-2099-999")]
    [InlineData("/vi/xac-minh", "vi", "SPCNCL-2099-999")]
    [InlineData("/en/verify", "en", "<script>alert(1)</script>")]
    public async Task Verify_UnknownCertificate_SaysNotFound_EchoingTheNumberEncoded(string page, string culture, string number)
    {
        var (status, html) = await GetAsync(Browser(), $"{page}?certificate={Uri.EscapeDataString(number)}");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Format(culture, "Verify.NotFound", number), html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Encoder.Encode(number)}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_WithoutANumber_ShowsOnlyTheForm()
    {
        var (status, html) = await GetAsync(Browser(), "/en/verify");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.DoesNotContain("verify-result", html, StringComparison.Ordinal);
        Assert.DoesNotContain("noindex", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QrCode_OfACertificate_IsAnSvg_AndUnknownNumbersAre404()
    {
        var award = await CurrentAwardAsync();

        var found = await Browser().GetAsync($"/qr/certificate/{award.CertificateNumber}.svg");
        var missing = await Browser().GetAsync("/qr/certificate/NO-SUCH-1.svg");

        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Equal("image/svg+xml", found.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<svg", await found.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Theory]
    [InlineData("en-GB,en;q=0.9", "/en/verify")]
    [InlineData("vi-VN", "/vi/xac-minh")]
    public async Task ShortLink_OpensTheVerificationInTheVisitorsLanguage(string acceptLanguage, string page)
    {
        var award = await CurrentAwardAsync();

        var response = await Browser(acceptLanguage).GetAsync($"/c/{award.CertificateNumber}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{page}?certificate={award.CertificateNumber}", response.Headers.Location!.OriginalString);
    }

    /// <summary>Imports a 2026 award whose certificate number has a slash, as Vietnamese numbers often do (123/GCN-SCT).</summary>
    private async Task<Award> SlashedAwardAsync()
    {
        var file = DecisionFiles.Csv(DecisionLine.Table([DecisionLine.Product(1) with { Certificate = "123/GCN-SCT" }]));
        var report = await Service<RegistryImporter>().ImportAsync(new MemoryStream(file), "decision-2026.csv", dryRun: false, "clerk");
        Assert.True(report.Succeeded, $"{report.FileError} {string.Join("; ", report.Errors)}");
        return Registry.ByCertificate("123/GCN-SCT")!;
    }

    [Fact]
    public async Task CertificateNumberWithASlash_HasAWorkingQrCodeAndShortLink()
    {
        var award = await SlashedAwardAsync();
        var (_, verification) = await GetAsync(Browser(), "/en/verify?certificate=123%2FGCN-SCT");
        var qr = QrImage().Match(verification).Groups["src"].Value;

        var image = await Browser().GetAsync(qr);
        var escaped = await Browser().GetAsync("/qr/certificate/123%2FGCN-SCT.svg");
        var shortLink = await Browser("en").GetAsync("/c/123/GCN-SCT");

        Assert.Equal("/qr/certificate/123/GCN-SCT.svg", qr);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/svg+xml", image.Content.Headers.ContentType!.MediaType);
        Assert.Equal(HttpStatusCode.OK, escaped.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, shortLink.StatusCode);
        Assert.Equal("/en/verify?certificate=123%2FGCN-SCT", shortLink.Headers.Location!.OriginalString);
        var (status, html) = await GetAsync(Browser(), shortLink.Headers.Location.OriginalString);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Format("en", "Verify.Valid", Date(award.ValidUntil, "en")), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_NumberOnAListNotYetRecognised_SaysWhichStage_InBothLanguages()
    {
        var folder = RepositoryPaths.NewTempFolder("usync-disclosure");
        RepositoryPaths.CopyFolder(RepositoryPaths.USync, folder);
        var cycles = Path.Combine(folder, "Registry", "cycles.json");
        var importer = Service<Spcncl.Sync.USyncImporter>();
        async Task StageAsync(string status)
        {
            await File.WriteAllTextAsync(cycles, $$"""[ { "year": 2024, "status": "{{status}}" } ]""");
            await importer.ImportAsync(Spcncl.Sync.USyncFolder.Read(folder, Service<SiteCultures>()), Spcncl.Sync.USyncImportMode.Full);
        }

        await StageAsync(nameof(CycleStatus.PublicDisclosure));
        try
        {
            var (_, english) = await GetAsync(Browser(), "/en/verify?certificate=SPCNCL-2024-001");
            var (_, vietnamese) = await GetAsync(Browser(), "/vi/xac-minh?certificate=SPCNCL-2024-001");

            Assert.Contains(Format("en", "Verify.NotRecognised", "SPCNCL-2024-001", 2024, Service<SiteText>().In("en", "Registry.Status.PublicDisclosure")), english, StringComparison.Ordinal);
            Assert.Contains(Format("vi", "Verify.NotRecognised", "SPCNCL-2024-001", 2024, Service<SiteText>().In("vi", "Registry.Status.PublicDisclosure")), vietnamese, StringComparison.Ordinal);
            Assert.DoesNotContain("/qr/certificate/", english, StringComparison.Ordinal);
        }
        finally
        {
            await StageAsync(nameof(CycleStatus.Recognised));
        }
    }

    // ---- Enquiries ---------------------------------------------------------------------------------

    /// <summary>A product page of the culture whose manufacturer is known (the enquiry form is on it).</summary>
    private string ProductUrl(string culture) => Service<ProductCatalogue>().Entries(culture).First(e => e.EnterpriseKey is not null && !e.IsFallback).Url;

    private sealed record Form(string Url, string? Cookie, string? Token);

    /// <summary>Opens the product page as a browser does: its antiforgery cookie and the token in the form.</summary>
    private static async Task<Form> OpenFormAsync(HttpClient browser, string url)
    {
        var response = await browser.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        var cookie = response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies.FirstOrDefault(c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal))?.Split(';')[0] : null;
        var token = AntiforgeryToken().Match(html) is { Success: true } m ? m.Groups["token"].Value : null;
        Assert.NotNull(cookie);
        Assert.NotNull(token);
        return new Form(url, cookie, token);
    }

    private static async Task<HttpResponseMessage> PostAsync(HttpClient browser, Form form, Dictionary<string, string> fields, bool withToken = true)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, form.Url);
        var values = new Dictionary<string, string>(fields);
        if (withToken)
        {
            values["__RequestVerificationToken"] = form.Token!;
            request.Headers.Add("Cookie", form.Cookie!);
        }

        request.Content = new FormUrlEncodedContent(values);
        return await browser.SendAsync(request);
    }

    private static Dictionary<string, string> Enquiry(string message = "Please send a quotation for 20 units.") => new()
    {
        ["Name"] = "Anna Schmidt",
        ["Company"] = "Müller & Söhne <GmbH>",
        ["Country"] = "Germany",
        ["Email"] = "anna.schmidt@example.de",
        ["Message"] = message,
        ["Website"] = "",
    };

    private async Task<List<EnquiryEntity>> EnquiriesAsync(string message)
    {
        await using var db = Service<SiteDbContextFactory>().CreateDbContext();
        return await db.Enquiries.AsNoTracking().Where(e => e.Message == message).ToListAsync();
    }

    [Theory]
    [InlineData("en")]
    [InlineData("vi")]
    public async Task Enquiry_Invalid_GetsMessagesNextToTheFields_AndKeepsWhatWasTyped(string culture)
    {
        var browser = Browser();
        var form = await OpenFormAsync(browser, ProductUrl(culture));
        var fields = Enquiry(message: "");
        fields["Email"] = "anna.schmidt(at)example.de";
        fields["Country"] = new string('G', EnquiryService.CountryMax + 1);

        var response = await PostAsync(browser, form, fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Text(culture, "Form.Problems"), html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"field-error\" id=\"Email-error\">{Text(culture, "Form.Error.Email")}</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"field-error\" id=\"Message-error\">{Text(culture, "Form.Error.Required")}</p>", html, StringComparison.Ordinal);
        Assert.Contains($"<p class=\"field-error\" id=\"Country-error\">{Text(culture, "Form.Error.TooLong")}</p>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"Name-error\"", html, StringComparison.Ordinal);
        Assert.Matches("<input id=\"Email\" name=\"Email\" type=\"email\" value=\"anna.schmidt\\(at\\)example.de\"[^>]*aria-invalid=\"true\" aria-describedby=\"Email-error\"", html);
        Assert.Contains("value=\"Anna Schmidt\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{Encoder.Encode("Müller & Söhne <GmbH>")}\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{new string('G', EnquiryService.CountryMax + 1)}\"", html, StringComparison.Ordinal);
        Assert.Empty(await EnquiriesAsync(""));
    }

    [Fact]
    public async Task Enquiry_WithoutTheAntiforgeryToken_IsRefused_KeepsTheText_AndStoresNothing()
    {
        var browser = Browser();
        var form = await OpenFormAsync(browser, ProductUrl("en"));
        var message = $"No token {Guid.NewGuid()}";

        var response = await PostAsync(browser, form, Enquiry(message), withToken: false);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(Text("en", "Form.Error.Expired"), html, StringComparison.Ordinal);
        Assert.Contains($">{message}</textarea>", html, StringComparison.Ordinal);
        Assert.Empty(await EnquiriesAsync(message));
    }

    [Fact]
    public async Task Enquiry_WithAnotherVisitorsToken_IsRefused()
    {
        var form = await OpenFormAsync(Browser(), ProductUrl("en"));
        var other = await OpenFormAsync(Browser(), ProductUrl("en"));
        var message = $"Stolen token {Guid.NewGuid()}";

        var response = await PostAsync(Browser(), form with { Token = other.Token }, Enquiry(message));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(await EnquiriesAsync(message));
    }

    [Fact]
    public async Task Enquiry_HoneypotFilled_LooksSentToTheRobot_ButNothingIsStored()
    {
        var browser = Browser();
        var url = ProductUrl("en");
        var form = await OpenFormAsync(browser, url);
        var message = $"Buy cheap watches {Guid.NewGuid()}";
        var fields = Enquiry(message);
        fields["Website"] = "http://spam.example";

        var response = await PostAsync(browser, form, fields);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"{url}/enquiry-sent#main", response.Headers.Location!.OriginalString);
        Assert.Empty(await EnquiriesAsync(message));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("vi")]
    public async Task Enquiry_Valid_IsStoredFirst_ConfirmedInTheBuyersLanguage_AndKeptWhenMailFails(string culture)
    {
        var browser = Browser();
        var url = ProductUrl(culture);
        var form = await OpenFormAsync(browser, url);
        var message = $"Quotation please ({culture}) {Guid.NewGuid()}";

        var response = await PostAsync(browser, form, Enquiry(message));

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal($"{url}/enquiry-sent#main", response.Headers.Location!.OriginalString);
        var stored = Assert.Single(await EnquiriesAsync(message));
        Assert.Equal((culture, "Müller & Söhne <GmbH>", "anna.schmidt@example.de"), (stored.Culture, stored.Company, stored.Email));
        var (status, confirmation) = await GetAsync(browser, $"{url}/enquiry-sent");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Text(culture, "Enquiry.SentTitle"), confirmation, StringComparison.Ordinal);

        // SMTP is a closed port: the background mailer tries, fails, and the enquiry stays, marked Failed with why.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (stored.MailStatus == nameof(MailStatus.Pending) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            stored = Assert.Single(await EnquiriesAsync(message));
        }

        Assert.Equal(nameof(MailStatus.Failed), stored.MailStatus);
        Assert.False(string.IsNullOrEmpty(stored.MailError));
        Assert.Equal(message, stored.Message);
    }

    [Fact]
    public async Task Enquiry_TooManyPostsFromOneAddress_Get429WithAMessage()
    {
        var address = IPAddress.Parse("192.0.2.77");
        var form = await OpenFormAsync(Browser(address: address), ProductUrl("en"));
        var limit = 5;

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i <= limit; i++)
        {
            answers.Add((await PostAsync(Browser(address: address), form, Enquiry(message: ""))).StatusCode);
        }

        var refused = await PostAsync(Browser(address: address), form, Enquiry($"Rate limited {Guid.NewGuid()}"));
        var elsewhere = await PostAsync(Browser(), form, Enquiry(message: ""));

        Assert.All(answers.Take(limit), a => Assert.Equal(HttpStatusCode.BadRequest, a));
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[limit]);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("600", refused.Headers.RetryAfter!.ToString());
        Assert.Equal(Service<SiteText>().In("en", "Form.TooMany"), await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, elsewhere.StatusCode);
    }

    // ---- Open data ---------------------------------------------------------------------------------

    private static readonly string[] Fields =
    [
        "year", "decisionNumber", "decisionDate", "certificateNumber", "top10", "firstTime", "validUntil", "sector",
        "productNameVi", "productNameEn", "productUrlVi", "productUrlEn", "enterpriseNameVi", "enterpriseNameEn", "enterpriseTaxCode",
    ];

    [Fact]
    public async Task OpenDataJson_IsAnArrayOfEveryAward_WithTheFieldsInOrder()
    {
        var response = await Browser().GetAsync("/opendata/awards.json");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(Registry.Awards.Count, json.RootElement.GetArrayLength());
        Assert.All(json.RootElement.EnumerateArray(), award => Assert.Equal(Fields, award.EnumerateObject().Select(p => p.Name)));

        var seeded = Registry.ByCertificate("SPCNCL-2023-001")!;
        var row = json.RootElement.EnumerateArray().Single(a => a.GetProperty("certificateNumber").GetString() == "SPCNCL-2023-001");
        Assert.Equal(2023, row.GetProperty("year").GetInt32());
        Assert.Equal(seeded.Cycle!.DecisionNumber, row.GetProperty("decisionNumber").GetString());
        Assert.Equal(seeded.Cycle.DecisionDate!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row.GetProperty("decisionDate").GetString());
        Assert.Equal((JsonValueKind.True, seeded.FirstTime), (row.GetProperty("top10").ValueKind, row.GetProperty("firstTime").GetBoolean()));
        Assert.Equal(seeded.ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), row.GetProperty("validUntil").GetString());
        Assert.Equal(("mechanical", "Máy tiện CNC TrangAn CT-25", "TrangAn CNC lathe CT-25"), (row.GetProperty("sector").GetString(), row.GetProperty("productNameVi").GetString(), row.GetProperty("productNameEn").GetString()));
        Assert.StartsWith("http://localhost/vi/san-pham/", row.GetProperty("productUrlVi").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("http://localhost/en/products/", row.GetProperty("productUrlEn").GetString(), StringComparison.Ordinal);
        Assert.Equal(("Công ty TNHH Cơ khí Tràng An", "0198373198"), (row.GetProperty("enterpriseNameVi").GetString(), row.GetProperty("enterpriseTaxCode").GetString()));
    }

    [Fact]
    public async Task OpenDataCsv_IsUtf8WithAByteOrderMark_WithTheHeaderInOrder()
    {
        var response = await Browser().GetAsync("/opendata/awards.csv");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = new UTF8Encoding(false, true).GetString(bytes[3..]);
        var lines = text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        Assert.Equal(string.Join(',', Fields), lines[0]);
        Assert.Equal(Registry.Awards.Count + 1, lines.Length);
        Assert.Contains(lines, l => l.StartsWith("2023,", StringComparison.Ordinal) && l.Contains(",SPCNCL-2023-001,true,", StringComparison.Ordinal) && l.Contains("Máy tiện CNC TrangAn CT-25", StringComparison.Ordinal));
        Assert.Equal("spcncl-awards.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
    }

    [Fact]
    public async Task OpenData_YearParameter_GivesOnlyThatYear()
    {
        var json = await Browser().GetStringAsync("/opendata/awards.json?year=2021");
        var csv = await Browser().GetAsync("/opendata/awards.csv?year=2021");
        var lines = Encoding.UTF8.GetString(await csv.Content.ReadAsByteArrayAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        using var document = JsonDocument.Parse(json);

        var expected = Registry.ForYear(2021).Count();
        Assert.True(expected > 0);
        Assert.Equal(expected, document.RootElement.GetArrayLength());
        Assert.All(document.RootElement.EnumerateArray(), a => Assert.Equal(2021, a.GetProperty("year").GetInt32()));
        Assert.Equal(expected + 1, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("2021,", l, StringComparison.Ordinal));
        Assert.Equal("spcncl-awards-2021.csv", csv.Content.Headers.ContentDisposition!.FileNameStar ?? csv.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("[]", (await Browser().GetStringAsync("/opendata/awards.json?year=2030")).Trim());
    }

    [Theory]
    [InlineData("/opendata/awards.json?year=abc")]
    [InlineData("/opendata/awards.json?year=1999")]
    [InlineData("/opendata/awards.csv?year=-1")]
    [InlineData("/opendata/awards.csv?year=2023.5")]
    [InlineData("/opendata/awards.json?year=99999999999999")]
    [InlineData("/opendata/awards.csv?year=%3Cscript%3E")]
    public async Task OpenData_BadYear_Is400WithAMessage(string url)
    {
        var response = await Browser().GetAsync(url);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("year must be a year from 2018", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [GeneratedRegex("<li class=\"card product-card\">.*?<h3[^>]*><a href=\"(?<url>[^\"]+)\">", RegexOptions.Singleline)]
    private static partial Regex ProductCard();

    [GeneratedRegex("<input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<img src=\"(?<src>/qr/certificate/[^\"]+)\"")]
    private static partial Regex QrImage();
}

/// <summary>The site for the registry tests: SMTP at a loopback port where nothing listens, so enquiry mail always fails.</summary>
public abstract class RegistrySiteFactory : SiteFactory
{
    private readonly int _closedSmtpPort = FakeSmtpServer.ClosedPort();

    /// <summary>The production limit: these tests post from their own addresses, and one test checks the limit.</summary>
    protected override int PublicFormsLimit => 5;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"{SmtpOptions.SectionName}:Host", "127.0.0.1");
        builder.UseSetting($"{SmtpOptions.SectionName}:Port", _closedSmtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting($"{SmtpOptions.SectionName}:StartTls", "false");
    }
}

public sealed class SqliteRegistrySiteFactory : RegistrySiteFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlRegistrySiteFactory : RegistrySiteFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class SqliteRegistryEndpointTests(SqliteRegistrySiteFactory site) : RegistryEndpointTests(site), IClassFixture<SqliteRegistrySiteFactory>;

public sealed class PostgreSqlRegistryEndpointTests(PostgreSqlRegistrySiteFactory site) : RegistryEndpointTests(site), IClassFixture<PostgreSqlRegistrySiteFactory>;
