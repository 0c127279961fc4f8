using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Spcncl.Tests.E2E;

/// <summary>
/// The programme's publicity in Chromium: an enterprise finds this year's invitation form from the Vietnamese home
/// page and downloads it; a visitor adds the fair to a calendar; a viewer plays a broadcast report with captions;
/// a YouTube report loads nothing from YouTube until asked; a comment is corrected and sent. axe checks every page,
/// in both languages, including the forms in their error state.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class PublicityJourneyTests(SiteServer site, Browser browser)
{
    [Fact]
    public async Task Enterprise_FindsTheCurrentInvitationFormFromTheVietnameseHome_AndDownloadsIt()
    {
        await using var visitor = await browser.NewVisitorAsync(site.BaseUrl, "vi-VN");
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/vi/");

        var call = page.GetByRole(AriaRole.Region, new() { Name = "Tham gia bình chọn năm nay" });
        await Expect(call).ToContainTextAsync("Phiếu mời tham gia bình chọn năm 2027");
        await Expect(call).ToContainTextAsync("31/03/2027");
        await Browser.AssertAccessibleAsync(page);

        await call.GetByRole(AriaRole.Link, new() { Name = "Phiếu mời tham gia bình chọn năm 2027" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Phiếu mời tham gia bình chọn năm 2027");
        await Browser.AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("a.download[href$='/download/vi.docx']").ClickAsync());
        Assert.Equal("Phiếu mời tham gia bình chọn năm 2027.docx", download.SuggestedFilename);
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path!);
        Assert.Equal("PK"u8.ToArray(), bytes[..2]);
        Assert.True(bytes.Length > 1000);
    }

    [Fact]
    public async Task Visitor_OpensTheFairFromTheCountdown_AndAddsItToACalendar()
    {
        await using var visitor = await browser.NewVisitorAsync(site.BaseUrl, "en-GB");
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/en/events");
        await Expect(page.Locator(".countdown")).ToContainTextAsync("The trade fair opens in 324 days");
        await Browser.AssertAccessibleAsync(page);

        await page.Locator(".countdown").GetByRole(AriaRole.Link).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Hanoi Key Industrial Products Fair 2027");
        await Expect(page.GetByText("Hanoi time (UTC+7)")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Add to calendar (.ics)" }).ClickAsync());
        Assert.EndsWith(".ics", download.SuggestedFilename, StringComparison.Ordinal);
        var calendar = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("BEGIN:VCALENDAR", calendar, StringComparison.Ordinal);
        Assert.Contains("SUMMARY:Hanoi Key Industrial Products Fair 2027", calendar, StringComparison.Ordinal);
        Assert.Contains("DTSTART:20271021T013000Z", calendar, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Viewer_PlaysABroadcastReport_WithCaptionsInTheirLanguage()
    {
        await using var visitor = await browser.NewVisitorAsync(site.BaseUrl, "vi-VN");
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/vi/tin-tuc?category=broadcast");
        await page.GetByRole(AriaRole.Link, new() { Name = "Phóng sự: đêm tôn vinh sản phẩm công nghiệp chủ lực 2025" }).ClickAsync();
        await Browser.AssertAccessibleAsync(page);

        var video = page.Locator("video");
        await video.EvaluateAsync("v => new Promise(resolve => v.readyState >= 1 ? resolve() : v.addEventListener('loadedmetadata', resolve, { once: true }))");
        Assert.Equal(["vi", "en"], await video.EvaluateAsync<string[]>("v => Array.from(v.textTracks, t => t.language)"));
        Assert.Equal("showing", await video.EvaluateAsync<string>("v => v.textTracks[0].mode"));

        await video.EvaluateAsync("v => { v.muted = true; return v.play(); }");
        await page.WaitForFunctionAsync("() => document.querySelector('video').currentTime > 1");
        await page.WaitForFunctionAsync("() => { const t = document.querySelector('video').textTracks[0]; return t.activeCues && t.activeCues.length > 0; }");
        var cue = await video.EvaluateAsync<string>("v => v.textTracks[0].activeCues[0].text");
        Assert.Contains("sản phẩm", cue, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AYoutubeReport_RequestsNothingFromYoutube_UntilTheViewerPressesPlay()
    {
        await using var visitor = await browser.NewVisitorAsync(site.BaseUrl, "en-GB");
        var page = await visitor.NewPageAsync();
        var hosts = new List<string>();
        page.Request += (_, request) => hosts.Add(new Uri(request.Url).Host);
        await page.GotoAsync("/en/news?category=broadcast");
        await page.GetByRole(AriaRole.Link, new() { Name = "Report: the 2024 key industrial products fair" }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.All(hosts, host => Assert.Equal("127.0.0.1", host));
        await Browser.AssertAccessibleAsync(page);

        await page.GetByRole(AriaRole.Button, new() { Name = "Play the video from YouTube" }).ClickAsync();
        var frame = page.Locator("iframe.video-frame");
        await Expect(frame).ToHaveAttributeAsync("src", new Regex("^https://www\\.youtube-nocookie\\.com/embed/"));
        await Expect(frame).ToHaveAttributeAsync("title", "Report: the 2024 key industrial products fair");
    }

    [Fact]
    public async Task Commenter_CorrectsTheirEmail_AndSendsAWrittenComment()
    {
        await using var visitor = await browser.NewVisitorAsync(site.BaseUrl, "en-GB");
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/en/news?category=announcement");
        await page.GetByRole(AriaRole.Link, new() { Name = "2026 selection results published for comment" }).ClickAsync();
        await Expect(page.Locator(".comment-period")).ToContainTextAsync("8 December 2026, 17:00");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Your name").FillAsync("Nguyễn Thị Hoa");
        await page.GetByLabel("Email address").FillAsync("hoa at example");
        await page.GetByLabel("Your comment").FillAsync("Please publish the scores of each criterion.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send comment" }).ClickAsync();

        await Expect(page.Locator("#Email-error")).ToHaveTextAsync("Enter an email address like name@example.com.");
        await Expect(page.GetByLabel("Your comment")).ToHaveValueAsync("Please publish the scores of each criterion.");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel("Email address").FillAsync("hoa@example.vn");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send comment" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Your comment has been received");
        await Browser.AssertAccessibleAsync(page);
    }

    public static TheoryData<string> PublicityPages => new()
    {
        "/vi/tin-tuc", "/en/news", "/vi/tin-tuc?category=pressRelease", "/en/news?page=2",
        "/vi/su-kien", "/en/events", "/vi/tai-lieu", "/en/documents", "/en/documents?type=invitationForm&year=2027",
    };

    /// <summary>Every kind of news, event and document page, in both languages (the sitemap test sees only the first two of long lists).</summary>
    [Theory]
    [MemberData(nameof(PublicityPages))]
    public async Task EveryKindOfPublicityPage_AndItsItems_PassAxe(string listPath)
    {
        await using var visitor = await browser.NewVisitorAsync(site.BaseUrl, listPath.StartsWith("/vi", StringComparison.Ordinal) ? "vi-VN" : "en-GB");
        var page = await visitor.NewPageAsync();
        var response = await page.GotoAsync(listPath);
        Assert.Equal(200, response!.Status);
        await Browser.AssertAccessibleAsync(page);

        // The first item of each kind on the page: an article, a report, an announcement, an event, a document.
        var links = await page.Locator("main h3 a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        var seen = new HashSet<string>();
        foreach (var link in links.Where(l => l.Count(c => c == '/') == 3))
        {
            await page.GotoAsync(link);
            var kind = await page.EvaluateAsync<string>("() => (document.querySelector('main .badge') || {}).textContent || ''");
            if (!seen.Add(kind.Trim()))
            {
                continue;
            }

            Assert.Equal(listPath[1..3], await page.GetAttributeAsync("html", "lang"));
            await Browser.AssertAccessibleAsync(page);
            if (seen.Count >= 5)
            {
                break;
            }
        }

        Assert.NotEmpty(seen);
    }
}
