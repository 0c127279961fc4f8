using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Spcncl.Content.Documents;
using Spcncl.Published;
using Spcncl.Tests.Fixtures;
using static Spcncl.Tests.Fixtures.ContentValues;

namespace Spcncl.Tests.Integration;

/// <summary>
/// The public site over HTTP: language negotiation, canonical URLs, 404s in both languages, hreflang, the sitemap,
/// redirects of renamed pages and hostile URLs. The same tests run on SQLite and on PostgreSQL.
/// </summary>
public abstract class SiteRoutingTests(SiteFactory site)
{
    private const string Base = "http://localhost";

    [Theory]
    [InlineData("en-US,en;q=0.9", "/en/")]
    [InlineData("vi-VN,vi;q=0.9,en;q=0.5", "/vi/")]
    [InlineData("fr-FR", "/vi/")]
    public async Task Root_RedirectsByAcceptLanguage(string acceptLanguage, string expected)
    {
        var response = await site.Browser(acceptLanguage).GetAsync("/");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task Root_TheSwitchersCookieOverridesAcceptLanguage()
    {
        var browser = site.Browser("en-US");
        var switched = await browser.GetAsync("/culture/vi?returnUrl=%2Fvi%2Fgioi-thieu");
        Assert.Equal("/vi/gioi-thieu", switched.Headers.Location!.OriginalString);
        var cookie = Assert.Single(switched.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("spcncl.culture=vi", cookie, StringComparison.Ordinal);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        request.Headers.Add("Cookie", "spcncl.culture=vi");
        var response = await browser.SendAsync(request);

        Assert.Equal("/vi/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("/vi/gioi-thieu")]
    public async Task CultureSwitch_OnlyGoesToLocalPagesOfThatCulture(string returnUrl)
    {
        var response = await site.Browser().GetAsync("/culture/en?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/en/", response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/vi/", "vi", "Sản phẩm công nghiệp chủ lực thành phố Hà Nội")]
    [InlineData("/en/", "en", "Hanoi Key Industrial Products")]
    [InlineData("/vi/gioi-thieu", "vi", "Giới thiệu")]
    [InlineData("/en/about", "en", "About the programme")]
    [InlineData("/en/about/how-selection-works", "en", "How selection works")]
    [InlineData("/vi/nganh-hang/co-khi-che-tao", "vi", "Cơ khí, chế tạo")]
    [InlineData("/en/sectors/handicrafts", "en", "Handicrafts")]
    [InlineData("/en/contact", "en", "Contact")]
    public async Task Page_RendersInItsCulture(string path, string lang, string heading)
    {
        var response = await site.Browser().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(lang, Html.HtmlLang(html));
        Assert.Equal(heading, Html.H1(html));
        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType!.ToString());
    }

    [Theory]
    [InlineData("/EN/About", "/en/about")]
    [InlineData("/en/about/", "/en/about")]
    [InlineData("/en", "/en/")]
    [InlineData("/VI", "/vi/")]
    [InlineData("/vi//", "/vi/")]
    [InlineData("/Vi/Nganh-Hang/?page=2", "/vi/nganh-hang?page=2")]
    public async Task NonCanonicalUrls_AnswerPermanentRedirects(string path, string expected)
    {
        var response = await site.Browser().GetAsync(path);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Theory]
    [InlineData("/en/no-such-page", "en", "Page not found")]
    [InlineData("/vi/khong-co-trang-nay", "vi", "Không tìm thấy trang")]
    [InlineData("/en/about/no-such-child", "en", "Page not found")]
    public async Task UnknownPath_Gets404InItsCulture(string path, string lang, string heading)
    {
        var response = await site.Browser().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(lang, Html.HtmlLang(html));
        Assert.Equal(heading, Html.H1(html));
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/fr/", "en")]
    [InlineData("/de/about", "en")]
    [InlineData("/nothing-here", "en")]
    [InlineData("/fr/", "vi")]
    public async Task UnknownCulturePrefix_Gets404InTheVisitorsLanguage(string path, string lang)
    {
        var response = await site.Browser(lang).GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(lang, Html.HtmlLang(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task NotFoundPage_IsNotReachableAsAPage()
    {
        var response = await site.Browser().GetAsync("/vi/khong-tim-thay-trang");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Page_HasCanonicalAndHreflangForEachCultureAndXDefault()
    {
        var html = await site.Browser().GetStringAsync("/en/about");

        Assert.Equal($"{Base}/en/about", Html.Canonical(html));
        Assert.Equal(
            [("vi", $"{Base}/vi/gioi-thieu"), ("en", $"{Base}/en/about"), ("x-default", $"{Base}/vi/gioi-thieu")],
            Html.Alternates(html));
    }

    [Fact]
    public async Task Home_XDefaultIsTheLanguageChoosingRoot()
    {
        var html = await site.Browser().GetStringAsync("/vi/");

        Assert.Equal($"{Base}/vi/", Html.Canonical(html));
        Assert.Contains(("x-default", $"{Base}/"), Html.Alternates(html));
    }

    [Fact]
    public async Task Sitemap_ListsEveryPageOfEveryCultureWithAlternates()
    {
        var response = await site.Browser().GetAsync("/sitemap.xml");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";

        Assert.Equal("application/xml; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        var urls = xml.Root!.Elements(sm + "url").ToList();
        var locations = urls.Select(u => u.Element(sm + "loc")!.Value).ToList();
        Assert.Contains($"{Base}/vi/", locations);
        Assert.Contains($"{Base}/en/sectors/food-processing", locations);
        Assert.Contains($"{Base}/vi/nganh-hang/che-bien-nong-san-thuc-pham", locations);
        Assert.DoesNotContain(locations, l => l.Contains("khong-tim-thay", StringComparison.Ordinal) || l.Contains("not-found", StringComparison.Ordinal));
        Assert.Equal(locations.Count, locations.Distinct().Count());

        var about = urls.Single(u => u.Element(sm + "loc")!.Value == $"{Base}/en/about");
        var links = about.Elements(xhtml + "link").Select(l => (l.Attribute("hreflang")!.Value, l.Attribute("href")!.Value)).ToList();
        Assert.Equal([("vi", $"{Base}/vi/gioi-thieu"), ("en", $"{Base}/en/about"), ("x-default", $"{Base}/vi/gioi-thieu")], links);
    }

    [Fact]
    public async Task Robots_NamesTheSitemapAndKeepsCrawlersOutOfTheBackOffice()
    {
        var text = await site.Browser().GetStringAsync("/robots.txt");

        Assert.Contains($"Sitemap: {Base}/sitemap.xml", text, StringComparison.Ordinal);
        Assert.Contains("Disallow: /backoffice", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RenamedPage_OldUrlAnswers301ToTheNewOne()
    {
        var content = site.Services.GetRequiredService<IContentService>();
        var home = site.Services.GetRequiredService<PublishedSnapshotService>().Current.Home!;
        var page = Ok(await content.CreateAsync(new CreateDocumentRequest("textPage", home.Id, Cultures(
            ("vi", new VariantInput("Thông cáo báo chí", Values: Values(("body", "Nội dung.")))),
            ("en", new VariantInput("Press release", Values: Values(("body", "Text."))))))
            , "integration"));
        page = Ok(await content.PublishAsync(page.Id, ["vi", "en"], "integration"));
        Assert.Equal(HttpStatusCode.OK, (await site.Browser().GetAsync("/en/press-release")).StatusCode);

        page = Ok(await content.SaveAsync(new SaveDocumentRequest(page.Id, page.Revision, Cultures(("en", new VariantInput("Press releases")))), "integration"));
        Ok(await content.PublishAsync(page.Id, ["en"], "integration"));

        var response = await site.Browser().GetAsync("/en/press-release?utm=x");
        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal("/en/press-releases?utm=x", response.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await site.Browser().GetAsync("/vi/thong-cao-bao-chi")).StatusCode);
    }

    [Fact]
    public async Task UntranslatedPage_HasNoEnglishUrl_AndTheSwitcherOffersTheEnglishHome()
    {
        var content = site.Services.GetRequiredService<IContentService>();
        var home = site.Services.GetRequiredService<PublishedSnapshotService>().Current.Home!;
        var page = Ok(await content.CreateAsync(new CreateDocumentRequest("textPage", home.Id, Cultures(("vi", new VariantInput("Chỉ có tiếng Việt", Values: Values(("body", "Nội dung.")))))), "integration"));
        Ok(await content.PublishAsync(page.Id, ["vi"], "integration"));

        var html = await site.Browser().GetStringAsync("/vi/chi-co-tieng-viet");

        Assert.Equal([("vi", $"{Base}/vi/chi-co-tieng-viet"), ("x-default", $"{Base}/vi/chi-co-tieng-viet")], Html.Alternates(html));
        Assert.Contains("href=\"/culture/en?returnUrl=%2Fen%2F%3Funtranslated%3D1\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("chi-co-tieng-viet", await site.Browser().GetStringAsync("/en/"), StringComparison.Ordinal);
        var notice = await site.Browser().GetStringAsync("/en/?untranslated=1");
        Assert.Contains("not available in English yet", notice, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UntranslatedSector_FallsBackToVietnameseMarkedAsSuch()
    {
        var content = site.Services.GetRequiredService<IContentService>();
        var sectors = site.Services.GetRequiredService<PublishedSnapshotService>().Current.OfType("sectorList").Single();
        var sector = Ok(await content.CreateAsync(new CreateDocumentRequest("sector", sectors.Id, Cultures(("vi", new VariantInput("Công nghiệp hỗ trợ", Values: Values(("summary", "Linh kiện và phụ tùng."))))), Values(("code", "supporting"))), "integration"));
        Ok(await content.PublishAsync(sector.Id, ["vi"], "integration"));

        var response = await site.Browser().GetAsync("/en/sectors/cong-nghiep-ho-tro");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("en", Html.HtmlLang(html));
        Assert.Contains("<div lang=\"vi\">", html, StringComparison.Ordinal);
        Assert.Contains("not been translated into English yet", html, StringComparison.Ordinal);
        Assert.Contains(("en", $"{Base}/en/sectors/cong-nghiep-ho-tro"), Html.Alternates(html));
        Assert.Contains("/en/sectors/cong-nghiep-ho-tro", await site.Browser().GetStringAsync("/en/sectors"), StringComparison.Ordinal);
    }

    /// <summary>Each hostile URL with the only answers acceptable for it.</summary>
    public static TheoryData<string, int[]> HostileUrls() => new()
    {
        { "/vi/" + new string('a', 5000), [404] },
        { "/en/" + string.Concat(Enumerable.Repeat("x/", 400)), [404] },
        { "/vi/..%2F..%2Fetc%2Fpasswd", [404] },
        { "/vi/%2e%2e/%2e%2e/etc/passwd", [404] },
        { "/vi/..\\..\\windows\\win.ini", [404] },
        { "/en/%252e%252e%252fetc%252fpasswd", [404] },
        { "/vi/%E0%A4%A", [400, 404] },
        { "/vi/%ZZ", [400, 404] },
        { "/vi/<script>alert(1)</script>", [404] },
        { "/en/about;jsessionid=1", [404] },
        { "/vi/s%E1%BA%A3n-ph%E1%BA%A9m", [404] },
        { "/%c0%ae%c0%ae/%c0%ae%c0%ae/", [400, 404] },
        { "/sitemap.xml/../../etc/passwd", [404] },
        { "/en/" + Uri.EscapeDataString("' OR 1=1 --"), [404] },
        { "/en/about?q=%00%ff&x=<script>alert(1)</script>", [200] },
        { "/culture/xx?returnUrl=javascript:alert(1)", [404] },
        { "/culture/en?returnUrl=%2Fen%2F%C3%A1", [302] },
        { "/culture/en?returnUrl=%2Fen%2Fno-such-page", [302] },
        { "/culture/en?returnUrl=%2F%2Fevil.example%2F", [302] },
    };

    [Theory]
    [MemberData(nameof(HostileUrls))]
    public async Task HostileUrls_GetOnlyTheirExpectedAnswer_Never500(string url, int[] allowed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(url, UriKind.Relative));
        var response = await site.Browser().SendAsync(request);

        Assert.True(allowed.Contains((int)response.StatusCode), $"{url} answered {(int)response.StatusCode}");
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Equal("/en/", response.Headers.Location!.OriginalString);
        }

        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("<script>alert(1)</script>", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PostToAPage_GetsThe404Page_Not400Or500()
    {
        var response = await site.Browser().PostAsync("/en/about", new StringContent("x"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("vi", "/vi/chung-nhan/2023", "/vi/chung-nhan/2023")]
    [InlineData("en", "/en/awards/2023", "/en/awards/2023")]
    [InlineData("en", "/en/awards/2023/../../about", "/en/")]
    [InlineData("en", "/vi/chung-nhan/2023", "/en/")]
    public async Task CultureSwitch_OnAPagesSubPath_StaysOnIt(string culture, string returnUrl, string expected)
    {
        var response = await site.Browser().GetAsync($"/culture/{culture}?returnUrl=" + Uri.EscapeDataString(returnUrl));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task TheLanguageSwitcher_OfAnAwardYear_PointsAtTheSameYearInTheOtherLanguage()
    {
        var html = await site.Browser().GetStringAsync("/en/awards/2023");

        Assert.Contains("href=\"/culture/vi?returnUrl=%2Fvi%2Fchung-nhan%2F2023\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheErrorPage_IsNotReachableDirectly()
    {
        var response = await site.Browser().GetAsync("/error");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Health_ReportsTheDatabaseAndTheSnapshot()
    {
        var response = await site.Browser().GetAsync("/health");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var checks = json.RootElement.GetProperty("checks");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        Assert.Equal(site.Provider.ToString(), checks.GetProperty("database").GetProperty("data").GetProperty("provider").GetString());
        Assert.True(checks.GetProperty("snapshot").GetProperty("data").GetProperty("documents").GetInt32() >= 16);
        Assert.NotEqual("", checks.GetProperty("snapshot").GetProperty("data").GetProperty("lastPublishUtc").GetString());
    }

    [Fact]
    public async Task Responses_CarryTheSecurityHeaders()
    {
        var response = await site.Browser().GetAsync("/vi/");

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }
}

public sealed class SqliteSiteRoutingTests(SqliteSiteFactory site) : SiteRoutingTests(site), IClassFixture<SqliteSiteFactory>;

public sealed class PostgreSqlSiteRoutingTests(PostgreSqlSiteFactory site) : SiteRoutingTests(site), IClassFixture<PostgreSqlSiteFactory>;
