using System.Net;
using System.Xml.Linq;
using Microsoft.Playwright;

namespace Spcncl.Tests.E2E;

/// <summary>Visitors on the public site, in Chromium, against the real server: navigation, the language switcher, accessibility.</summary>
[Collection(SiteCollection.Name)]
public sealed class PublicSiteTests(SiteServer site, Browser browser)
{
    [Fact]
    public async Task EnglishVisitor_LandsInEnglish_FollowsTheMenu_AndSwitchesToVietnameseOnTheSamePage()
    {
        await using var visitor = await browser.NewVisitorAsync(site.BaseUrl, locale: "en-US");
        var page = await visitor.NewPageAsync();

        await page.GotoAsync("/");
        Assert.Equal($"{site.BaseUrl}/en/", page.Url);
        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        await Browser.AssertAccessibleAsync(page);

        var menu = page.GetByRole(AriaRole.Navigation, new() { Name = "Main menu" });
        await menu.GetByRole(AriaRole.Link, new() { Name = "About the programme" }).ClickAsync();
        await page.WaitForURLAsync("**/en/about");
        Assert.Equal("About the programme", await page.Locator("h1").TextContentAsync());
        await Browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "How selection works" }).First.ClickAsync();
        await page.WaitForURLAsync("**/en/about/how-selection-works");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Language" }).GetByRole(AriaRole.Link, new() { Name = "Tiếng Việt" }).ClickAsync();
        await page.WaitForURLAsync("**/vi/gioi-thieu/quy-trinh-binh-chon");
        Assert.Equal("vi", await page.GetAttributeAsync("html", "lang"));
        Assert.Equal("Quy trình bình chọn", await page.Locator("h1").TextContentAsync());
        var vietnameseMenu = page.GetByRole(AriaRole.Navigation, new() { Name = "Trình đơn chính" });
        Assert.Equal(["Trang chủ", "Sản phẩm", "Doanh nghiệp", "Chứng nhận", "Xác minh chứng nhận", "Tin tức", "Sự kiện", "Tài liệu", "Giới thiệu", "Liên hệ"], (await vietnameseMenu.GetByRole(AriaRole.Link).AllTextContentsAsync()).Select(t => t.Trim()));
        await Browser.AssertAccessibleAsync(page);

        // The choice is remembered: the bare address now opens the Vietnamese home, whatever the browser's language.
        await page.GotoAsync("/");
        Assert.Equal($"{site.BaseUrl}/vi/", page.Url);
    }

    [Fact]
    public async Task EveryKindOfPublicPage_InBothLanguages_PassesAxe()
    {
        // Every page of the sitemap whose siblings are few, and the first two of each long list (300 products and
        // enterprises share two templates): every template in both languages, in a couple of minutes.
        using var http = new HttpClient();
        var sitemap = XDocument.Parse(await http.GetStringAsync($"{site.BaseUrl}/sitemap.xml"));
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        var listed = sitemap.Root!.Elements(sm + "url").Select(u => new Uri(u.Element(sm + "loc")!.Value).AbsolutePath).ToList();
        var paths = listed
            .GroupBy(path => path[..path.TrimEnd('/').LastIndexOf('/')])
            .SelectMany(siblings => siblings.Count() > 12 ? siblings.Take(2) : siblings)
            .Concat(["/en/products?sector=it&year=2023&top10=true", "/vi/san-pham?q=%3Cscript%3E&page=2", "/en/enterprises?letter=T&market=eu",
                "/vi/doanh-nghiep?letter=%C4%90", "/en/verify?certificate=SPCNCL-2023-001", "/vi/xac-minh?certificate=SPCNCL-2018-001",
                "/en/verify?certificate=NOPE-1"])
            .ToList();
        Assert.Contains("/en/contact", paths);
        Assert.Contains("/vi/chung-nhan/2023", paths);
        Assert.Contains("/en/awards/statistics", paths);
        Assert.Contains(paths, p => p.StartsWith("/en/products/", StringComparison.Ordinal));
        Assert.Contains(paths, p => p.StartsWith("/vi/doanh-nghiep/", StringComparison.Ordinal));

        await using var visitor = await browser.NewVisitorAsync(site.BaseUrl);
        var page = await visitor.NewPageAsync();
        foreach (var path in paths.Append("/vi/khong-co-trang-nay").Append("/en/no-such-page"))
        {
            var response = await page.GotoAsync(path);
            var expected = path.Contains("khong-co", StringComparison.Ordinal) || path.Contains("no-such", StringComparison.Ordinal) ? 404 : 200;
            Assert.True(expected == response!.Status, $"{path} answered {response.Status}");
            Assert.Equal(path[1..3], await page.GetAttributeAsync("html", "lang"));
            await Browser.AssertAccessibleAsync(page);
        }
    }

    [Fact]
    public async Task SmallScreen_TheMenuOpensFromItsButton()
    {
        await using var visitor = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, ViewportSize = new ViewportSize { Width = 390, Height = 800 }, Locale = "vi-VN" });
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/vi/");

        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Trình đơn" });
        var link = page.GetByRole(AriaRole.Navigation, new() { Name = "Trình đơn chính" }).GetByRole(AriaRole.Link, new() { Name = "Liên hệ" });
        Assert.False(await link.IsVisibleAsync());
        await toggle.ClickAsync();
        Assert.Equal("true", await toggle.GetAttributeAsync("aria-expanded"));
        await link.ClickAsync();
        await page.WaitForURLAsync("**/vi/lien-he");
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task KeyboardUser_SkipsToTheContent()
    {
        await using var visitor = await browser.NewVisitorAsync(site.BaseUrl);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/en/about");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        Assert.True(await skip.IsVisibleAsync());
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));
    }

    [Fact]
    public async Task PublicPages_MakeNoThirdPartyRequests()
    {
        await using var visitor = await browser.NewVisitorAsync(site.BaseUrl);
        var page = await visitor.NewPageAsync();
        var hosts = new List<string>();
        page.Request += (_, request) => hosts.Add(new Uri(request.Url).Authority);

        await page.GotoAsync("/vi/", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.GotoAsync("/en/sectors", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.NotEmpty(hosts);
        Assert.All(hosts, host => Assert.Equal($"127.0.0.1:{site.Port}", host));
    }

    [Fact]
    public async Task StaticAssets_AreFingerprintedCompressedAndCached()
    {
        using var http = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None });
        var html = await http.GetStringAsync($"{site.BaseUrl}/en/");
        var css = System.Text.RegularExpressions.Regex.Match(html, "href=\"(/css/site\\.[a-z0-9]+\\.css)\"").Groups[1].Value;
        Assert.NotEmpty(css);

        using var request = new HttpRequestMessage(HttpMethod.Get, site.BaseUrl + css);
        request.Headers.AcceptEncoding.ParseAdd("gzip");
        var response = await http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("gzip", response.Content.Headers.ContentEncoding);
        Assert.NotNull(response.Headers.ETag);
    }

    [Theory]
    [InlineData("/en/about%00")]
    [InlineData("/vi/%00%00")]
    [InlineData("/vi/../../../etc/passwd")]
    [InlineData("/vi/%2e%2e/%2e%2e/%2e%2e/etc/passwd")]
    [InlineData("/en/%c0%ae%c0%ae/")]
    [InlineData("/en/%ff%fe")]
    public async Task Kestrel_MalformedOrTraversalRequests_Get400Or404(string target)
    {
        var status = await site.RawRequestStatusAsync(target);

        Assert.True(status is 400 or 404, $"{target} answered {status}");
    }
}
