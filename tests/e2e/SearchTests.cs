using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Spcncl.Tests.E2E;

/// <summary>
/// Searching as buyers do, in Chromium: Vietnamese names typed without accents in the header box, suggestions picked
/// with the mouse or the keyboard, and the search page with its tabs, facets and "did you mean", in both languages.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed class SearchTests(SiteServer site, Browser browser)
{
    [Fact]
    public async Task Buyer_TypesDenLedInTheEnglishHeader_PicksASuggestion_AndLandsOnTheProduct()
    {
        await using var visitor = await browser.NewVisitorAsync(site.BaseUrl, "en-GB");
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/en/");

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search the site" });
        await box.PressSequentiallyAsync("den led", new() { Delay = 40 });
        var suggestions = page.GetByRole(AriaRole.Listbox);
        await Expect(suggestions).ToBeVisibleAsync();
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        var options = suggestions.GetByRole(AriaRole.Option);
        Assert.InRange(await options.CountAsync(), 1, 8);
        await Expect(options.First).ToContainTextAsync("LED");
        await Browser.AssertAccessibleAsync(page);

        var chosen = (await options.First.TextContentAsync())!.Trim();
        await options.First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/en/products/[a-z0-9-]+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(chosen);
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task KeyboardUser_ChoosesASuggestionWithTheArrows_InVietnamese()
    {
        await using var visitor = await browser.NewVisitorAsync(site.BaseUrl, "vi-VN");
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/vi/");

        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Tìm kiếm trên cổng thông tin" });
        await box.PressSequentiallyAsync("bang tai", new() { Delay = 40 });
        await Expect(page.GetByRole(AriaRole.Listbox)).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        var first = page.GetByRole(AriaRole.Option).First;
        await Expect(first).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await first.GetAttributeAsync("id"))!);
        var chosen = (await first.TextContentAsync())!.Trim();
        Assert.StartsWith("Băng tải", chosen);

        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Regex("/vi/san-pham/[a-z0-9-]+$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(chosen);
    }

    public static TheoryData<string, string, string, string> SearchPages => new()
    {
        // path, a word the first result's title shows highlighted, the products tab, the "did you mean" line
        { "/en/search?q=transformers", "transformer", "Products", "Did you mean" },
        { "/vi/tim-kiem?q=may+bien+ap", "Máy", "Sản phẩm", "Có phải bạn muốn tìm" },
    };

    [Theory]
    [MemberData(nameof(SearchPages))]
    public async Task SearchPage_ShowsHighlightedResults_TabsAndFacets_AndSuggestsASpelling(string path, string highlighted, string productsTab, string didYouMean)
    {
        await using var visitor = await browser.NewVisitorAsync(site.BaseUrl, path.StartsWith("/vi", StringComparison.Ordinal) ? "vi-VN" : "en-GB");
        var page = await visitor.NewPageAsync();
        await page.GotoAsync(path);

        var hits = page.Locator(".search-hit");
        Assert.True(await hits.CountAsync() > 0);
        await Expect(hits.First.Locator("h3 mark").First).ToContainTextAsync(new Regex(highlighted, RegexOptions.IgnoreCase));
        await Browser.AssertAccessibleAsync(page);

        // The products tab keeps the words and shows only products.
        await page.Locator("nav.tabs").GetByRole(AriaRole.Link, new() { Name = productsTab }).ClickAsync();
        await page.WaitForURLAsync(new Regex("type=product"));
        Assert.Equal(await hits.CountAsync(), await hits.Locator(".search-kind").Filter(new() { HasText = productsTab[..3] }).CountAsync());
        await Browser.AssertAccessibleAsync(page);

        // A misspelling finds nothing but offers the word the site knows.
        var culture = path[1..3];
        await page.GotoAsync($"{path.Split('?')[0]}?q=yogrut");
        await Expect(page.Locator(".notice")).ToContainTextAsync(didYouMean);
        await page.Locator(".notice a").ClickAsync();
        Assert.True(await hits.CountAsync() > 0, $"the suggested spelling found nothing ({culture})");
        await Browser.AssertAccessibleAsync(page);
    }
}
