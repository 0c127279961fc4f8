using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Spcncl.Tests.E2E;

/// <summary>
/// The back office in Chromium, with each role's signed-in state stored once: a press officer writes a Vietnamese
/// article, a translator adds the English, an editor publishes both, and the article appears on the site, in search
/// and in the feeds. axe checks every back-office screen; the editor loads in a handful of requests.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class BackOfficeJourneyTests(SiteServer site, Browser browser)
{
    private readonly BackOfficeStates states = BackOfficeStates.For(site, browser);

    [Fact]
    public async Task PressWrites_TranslatorTranslates_EditorPublishes_AndTheArticleIsOnTheSiteInSearchAndInTheFeeds()
    {
        var marker = $"Zephyr{Guid.NewGuid().ToString("N")[..6]}";

        // A press officer (screens in Vietnamese) uploads the article's photo and describes it in both languages ...
        await using var press = await states.ContextAsync(BackOfficeStates.Press);
        var page = await press.NewPageAsync();
        var photo = $"{marker.ToLowerInvariant()}-le-ra-mat";
        await page.GotoAsync("/backoffice/media");
        await page.Locator("#media-files").SetInputFilesAsync(new FilePayload { Name = photo + ".png", MimeType = "image/png", Buffer = TestPng.Make(1200, 800) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();
        await page.Locator("[data-upload-list] .bo-upload-ok a").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(photo);
        await page.Locator("#alt-vi").FillAsync($"Lễ ra mắt sản phẩm {marker}");
        await page.Locator("#alt-en").FillAsync($"The launch of the {marker} product");
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();
        await Expect(page.Locator(".bo-success")).ToHaveTextAsync("Đã lưu.");

        // ... then writes the article in Vietnamese with that photo as its cover, and saves a draft.
        await page.GotoAsync("/backoffice/content");
        await OpenChildrenAsync(page, "Trang chủ");
        await OpenChildrenAsync(page, "Tin tức");
        await page.GetByRole(AriaRole.Link, new() { Name = "Tạo Bài tin" }).ClickAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.Locator("#vi-name").FillAsync($"Doanh nghiệp {marker} ra mắt sản phẩm mới");
        await page.Locator("#vi-p-summary").FillAsync($"Sản phẩm mới của {marker} được giới thiệu tại Hà Nội.");
        await page.Locator("#vi-p-body").FillAsync($"## Sản phẩm {marker}\n\nNội dung **chi tiết** về sản phẩm.");
        await Expect(page.Locator(".bo-markdown-preview h2")).ToHaveTextAsync($"Sản phẩm {marker}");
        await page.Locator("#shared-publishDate").FillAsync("2026-12-01T10:00");
        await page.Locator("#shared-category").SelectOptionAsync("news");
        await page.Locator(".bo-media-picker summary").First.ClickAsync();
        await page.Locator(".bo-media-grid").First.GetByLabel(photo, new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu bản nháp" }).ClickAsync();
        await Expect(page.Locator(".bo-success")).ToBeVisibleAsync();
        var editorUrl = new Uri(page.Url).AbsolutePath;
        Assert.Matches("^/backoffice/content/[0-9]+/edit$", editorUrl);
        await Browser.AssertAccessibleAsync(page);

        // The translator (screens in English) sees only the English column editable, copies and translates.
        await using var translator = await states.ContextAsync(BackOfficeStates.Translator);
        page = await translator.NewPageAsync();
        await page.GotoAsync("/backoffice/translations");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Doanh nghiệp {marker} ra mắt sản phẩm mới" }).ClickAsync();
        await Expect(page.Locator("#vi-name")).ToHaveCountAsync(0);
        await Expect(page.Locator("#shared-publishDate")).ToHaveCountAsync(0);
        await page.Locator("#en-name").FillAsync($"{marker} launches a new product");
        await page.Locator("button[data-copy-field='summary']").ClickAsync();
        await Expect(page.Locator("#en-p-summary")).ToHaveValueAsync($"Sản phẩm mới của {marker} được giới thiệu tại Hà Nội.");
        await page.Locator("#en-p-summary").FillAsync($"A new product from {marker} is presented in Hanoi.");
        await page.Locator("#en-p-body").FillAsync($"## The {marker} product\n\nDetails of the product.");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Save and publish" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save draft" }).ClickAsync();
        await Expect(page.Locator(".bo-success")).ToBeVisibleAsync();
        await Browser.AssertAccessibleAsync(page);

        // The editor publishes both languages.
        await using var editor = await states.ContextAsync(BackOfficeStates.Editor);
        page = await editor.NewPageAsync();
        await page.GotoAsync(editorUrl);
        await page.Locator("#publish-vi").CheckAsync();
        await page.Locator("#publish-en").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu và xuất bản" }).ClickAsync();
        await Expect(page.Locator(".bo-success")).ToContainTextAsync("Đã lưu và xuất bản");
        var live = await page.GetByRole(AriaRole.Link, new() { Name = "Xem trên trang" }).EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))");
        Assert.Equal(2, live.Length);

        // On the site in both languages, in search, in the feeds.
        await using var visitor = await browser.NewVisitorAsync(site.BaseUrl, "en-GB");
        var publicPage = await visitor.NewPageAsync();
        await publicPage.GotoAsync(live.Single(u => u.StartsWith("/en/", StringComparison.Ordinal)));
        await Expect(publicPage.Locator("h1")).ToHaveTextAsync($"{marker} launches a new product");
        await Expect(publicPage.Locator(".article-cover img")).ToHaveAttributeAsync("alt", $"The launch of the {marker} product");
        await publicPage.GotoAsync(live.Single(u => u.StartsWith("/vi/", StringComparison.Ordinal)));
        await Expect(publicPage.Locator("h1")).ToHaveTextAsync($"Doanh nghiệp {marker} ra mắt sản phẩm mới");
        var cover = publicPage.Locator(".article-cover img");
        await Expect(cover).ToHaveAttributeAsync("alt", $"Lễ ra mắt sản phẩm {marker}");
        Assert.True(await cover.EvaluateAsync<bool>("img => img.decode().then(() => img.naturalWidth > 0, () => false)"), "the cover photo did not load");
        await publicPage.GotoAsync($"/en/search?q={marker.ToLowerInvariant()}");
        await Expect(publicPage.Locator(".search-hit h3")).ToContainTextAsync($"{marker} launches a new product");
        using var http = new HttpClient();
        Assert.Contains($"{marker} launches a new product", await http.GetStringAsync(site.BaseUrl + "/en/news/rss.xml"), StringComparison.Ordinal);
        Assert.Contains($"Doanh nghiệp {marker} ra mắt sản phẩm mới", await http.GetStringAsync(site.BaseUrl + "/vi/tin-tuc/atom.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEditor_LoadsInTenRequestsOrFewer_EvenForAProductWithPickers()
    {
        await using var editor = await states.ContextAsync(BackOfficeStates.Editor);
        var page = await editor.NewPageAsync();
        await page.GotoAsync("/backoffice/content");
        await OpenChildrenAsync(page, "Trang chủ");
        await OpenChildrenAsync(page, "Sản phẩm");
        var editHref = await page.Locator("table.bo-tree tbody tr th a").First.GetAttributeAsync("href");

        var requests = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        await page.GotoAsync(editHref!, new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.True(requests.Count <= 10, $"the editor made {requests.Count} requests:\n{string.Join('\n', requests)}");
        await Browser.AssertAccessibleAsync(page);
    }

    /// <summary>In the tree, opens the list of pages under the row named <paramref name="name"/>.</summary>
    private static async Task OpenChildrenAsync(IPage page, string name)
    {
        var row = page.Locator("table.bo-tree tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });
        await row.Locator("a.bo-children").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(name);
    }

    public static TheoryData<string, string> Screens => new()
    {
        { BackOfficeStates.Editor, "/backoffice" },
        { BackOfficeStates.Editor, "/backoffice/content" },
        { BackOfficeStates.Editor, "/backoffice/content/recycle-bin" },
        { BackOfficeStates.Editor, "/backoffice/translations" },
        { BackOfficeStates.Editor, "/backoffice/account" },
        { BackOfficeStates.Translator, "/backoffice" },
        { BackOfficeStates.Translator, "/backoffice/account" },
        { BackOfficeStates.Press, "/backoffice/content" },
    };

    /// <summary>Every screen of the content part of the back office, for each role that uses it, in its own language.</summary>
    [Theory]
    [MemberData(nameof(Screens))]
    public async Task EveryBackOfficeScreen_PassesAxe(string role, string path)
    {
        await using var context = await states.ContextAsync(role);
        var page = await context.NewPageAsync();
        var response = await page.GotoAsync(path);
        Assert.Equal(200, response!.Status);
        await Browser.AssertAccessibleAsync(page);

        if (path == "/backoffice/content")
        {
            // Down the tree to a page, then its editor, history, a comparison and the move screen.
            await page.Locator("table.bo-tree a.bo-children").First.ClickAsync();
            await Browser.AssertAccessibleAsync(page);
            await page.Locator("table.bo-tree tbody tr th a").First.ClickAsync();
            await Browser.AssertAccessibleAsync(page);
            var editor = page.Url;
            if (role == BackOfficeStates.Editor)
            {
                await page.GotoAsync(editor.Replace("/edit", "/history", StringComparison.Ordinal));
                await Browser.AssertAccessibleAsync(page);
                await page.Locator("table.bo-table tbody a").First.ClickAsync();
                await Browser.AssertAccessibleAsync(page);
                await page.GotoAsync(editor.Replace("/edit", "/move", StringComparison.Ordinal));
                await Browser.AssertAccessibleAsync(page);

                // The editor in its error state: an emptied name, with the message by the field.
                await page.GotoAsync(editor);
                await page.Locator("#vi-name").FillAsync("");
                await page.Locator("button[value='save']").ClickAsync();
                await Expect(page.Locator("#vi-name-error")).ToBeVisibleAsync();
                await Browser.AssertAccessibleAsync(page);
            }
        }
    }

    [Fact]
    public async Task TheSignInScreens_PassAxe_InBothLanguages_AndAWrongPasswordSaysSo()
    {
        foreach (var (locale, failure) in new[] { ("vi-VN", "Email hoặc mật khẩu không đúng"), ("en-GB", "do not match an account") })
        {
            await using var visitor = await browser.NewVisitorAsync(site.BaseUrl, locale);
            var page = await visitor.NewPageAsync();
            await page.GotoAsync("/backoffice");
            await page.WaitForURLAsync(new Regex("/backoffice/sign-in"));
            await Browser.AssertAccessibleAsync(page);
            await page.Locator("#Email").FillAsync(BackOfficeStates.RegistryClerk);
            await page.Locator("#Password").FillAsync("not the password");
            await page.Locator("button[type=submit]").ClickAsync();
            await Expect(page.Locator(".bo-alert")).ToContainTextAsync(failure);
            await Browser.AssertAccessibleAsync(page);
        }
    }
}

/// <summary>Each role's signed-in browser state, made once per site (by signing in through the screen) and reused by every test.</summary>
public sealed class BackOfficeStates
{
    public const string Editor = "editor@spcncl.test";
    public const string Press = "press@spcncl.test";
    public const string Translator = "translator@spcncl.test";
    public const string Administrator = "admin@spcncl.test";
    public const string RegistryClerk = "registry@spcncl.test";

    /// <summary>The Development demo accounts' password (README).</summary>
    public const string Password = "Demo-Password-2026";

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, BackOfficeStates> BySite = new();

    private readonly Dictionary<string, string> _states = [];
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private readonly SiteServer _site;
    private readonly Browser _browser;

    private BackOfficeStates(SiteServer site, Browser browser)
    {
        _site = site;
        _browser = browser;
    }

    public static BackOfficeStates For(SiteServer site, Browser browser) => BySite.GetOrAdd(site.BaseUrl, _ => new BackOfficeStates(site, browser));

    public async Task<IBrowserContext> ContextAsync(string email)
    {
        await Gate.WaitAsync();
        try
        {
            if (!_states.TryGetValue(email, out var state))
            {
                await using var signIn = await _browser.NewVisitorAsync(_site.BaseUrl, "vi-VN");
                var page = await signIn.NewPageAsync();
                await page.GotoAsync("/backoffice/sign-in");
                await page.Locator("#Email").FillAsync(email);
                await page.Locator("#Password").FillAsync(Password);
                await page.Locator("button[type=submit]").ClickAsync();
                await page.WaitForURLAsync(new Regex("/backoffice$"));
                state = await signIn.StorageStateAsync();
                _states[email] = state;
            }

            return await _browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = _site.BaseUrl, StorageState = state, ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        }
        finally
        {
            Gate.Release();
        }
    }
}
