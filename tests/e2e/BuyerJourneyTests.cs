using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Spcncl.Tests.E2E;

/// <summary>
/// A foreign buyer's visit, in Chromium against the real server, in each language: filter the catalogue by sector and
/// year, open a product, send the maker an enquiry (after a mistake), then verify a certificate by its number. axe
/// checks every page on the way, including the form in its error state.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class BuyerJourneyTests(SiteServer site, Browser browser)
{
    /// <summary>What the journey reads and types in one language.</summary>
    public sealed record Journey(
        string Locale,
        string Catalogue,
        string Sector,
        string Year,
        string Name,
        string Country,
        string Email,
        string Message,
        string Send,
        string EmailError,
        string Sent,
        string AwardHistory,
        string Menu,
        string VerifyLink,
        string CertificateLabel,
        string VerifyButton);

    public static TheoryData<Journey> Journeys => new()
    {
        new Journey("en-GB", "/en/products", "it", "2023", "Your name", "Country", "Email address", "Your enquiry", "Send enquiry",
            "Enter an email address like name@example.com.", "Your enquiry has been sent", "Award history", "Main menu", "Verify a certificate",
            "Certificate number", "Verify"),
        new Journey("vi-VN", "/vi/san-pham", "food", "2021", "Họ và tên", "Quốc gia", "Địa chỉ email", "Nội dung cần trao đổi", "Gửi yêu cầu",
            "Nhập địa chỉ email theo dạng ten@example.com.", "Yêu cầu của bạn đã được gửi", "Lịch sử công nhận", "Trình đơn chính", "Xác minh chứng nhận",
            "Số giấy chứng nhận", "Xác minh"),
    };

    [Theory]
    [MemberData(nameof(Journeys))]
    public async Task Buyer_FiltersOpensAProductSendsAnEnquiry_AndVerifiesItsCertificate(Journey journey)
    {
        await using var visitor = await browser.NewVisitorAsync(site.BaseUrl, journey.Locale);
        var page = await visitor.NewPageAsync();
        await page.GotoAsync(journey.Catalogue);
        await Browser.AssertAccessibleAsync(page);

        // With script, the results follow the filters without a reload; the address keeps them for sharing.
        await page.EvaluateAsync("() => window.sameDocument = true");
        var results = page.Locator(".results-count");
        var before = await results.TextContentAsync();
        await page.Locator("#sector").SelectOptionAsync(journey.Sector);
        await Expect(page).ToHaveURLAsync(new Regex($"sector={journey.Sector}"));
        await page.Locator("#year").SelectOptionAsync(journey.Year);
        await Expect(page).ToHaveURLAsync(new Regex($"sector={journey.Sector}&year={journey.Year}$"));
        await Expect(results).Not.ToHaveTextAsync(before!);
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"), "the filters reloaded the page");
        var cards = page.Locator(".product-card");
        Assert.InRange(await cards.CountAsync(), 1, 24);

        await Browser.AssertAccessibleAsync(page);

        // The product: its maker, its award history, and the enquiry form.
        var product = cards.First.Locator("h3 a");
        var productName = (await product.TextContentAsync())!.Trim();
        await product.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(productName);
        var history = page.GetByRole(AriaRole.Table, new() { Name = journey.AwardHistory });
        await Expect(history).ToContainTextAsync(journey.Year);
        var certificate = (await history.GetByRole(AriaRole.Link).First.TextContentAsync())!.Trim();
        Assert.Matches(CertificateNumber(), certificate);
        await Browser.AssertAccessibleAsync(page);

        // A mistake: the message sits by the field, and nothing typed is lost.
        await page.GetByLabel(journey.Name).FillAsync("Anna Schmidt");
        await page.GetByLabel(journey.Country).FillAsync("Deutschland");
        await page.GetByLabel(journey.Email).FillAsync("anna@");
        await page.GetByLabel(journey.Message).FillAsync("We would like samples and your price list for 2,000 units.");
        await page.GetByRole(AriaRole.Button, new() { Name = journey.Send }).ClickAsync();
        await Expect(page.Locator("#Email-error")).ToHaveTextAsync(journey.EmailError);
        await Expect(page.GetByLabel(journey.Email)).ToHaveAttributeAsync("aria-invalid", "true");
        await Expect(page.GetByLabel(journey.Name)).ToHaveValueAsync("Anna Schmidt");
        await Expect(page.GetByLabel(journey.Message)).ToHaveValueAsync("We would like samples and your price list for 2,000 units.");
        await Browser.AssertAccessibleAsync(page);

        await page.GetByLabel(journey.Email).FillAsync("anna.schmidt@example.de");
        await page.GetByRole(AriaRole.Button, new() { Name = journey.Send }).ClickAsync();
        await page.WaitForURLAsync(new Regex("/enquiry-sent#main$"));
        await Expect(page.Locator("h1")).ToHaveTextAsync(journey.Sent);
        await Browser.AssertAccessibleAsync(page);

        // The certificate printed on the product's award, checked from the verification page.
        await page.GetByRole(AriaRole.Navigation, new() { Name = journey.Menu }).GetByRole(AriaRole.Link, new() { Name = journey.VerifyLink }).ClickAsync();
        await page.GetByRole(AriaRole.Textbox, new() { Name = journey.CertificateLabel }).FillAsync(certificate);
        await page.GetByRole(AriaRole.Button, new() { Name = journey.VerifyButton, Exact = true }).ClickAsync();
        var result = page.Locator(".verify-result");
        await Expect(result).ToHaveClassAsync(new Regex("verify-(valid|expired)"));
        await Expect(result).ToContainTextAsync(productName);
        await Expect(result.Locator("img")).ToHaveAttributeAsync("src", new Regex($"/qr/certificate/{certificate}\\.svg$"));
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task WithoutScript_TheFiltersStillWork_ThroughTheButton()
    {
        await using var visitor = await browser.Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = site.BaseUrl, JavaScriptEnabled = false, Locale = "en-GB" });
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/en/products");

        await page.Locator("#sector").SelectOptionAsync("textile");
        await page.GetByLabel("Top 10 products only").CheckAsync();
        Assert.EndsWith("/en/products", page.Url, StringComparison.Ordinal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show products" }).ClickAsync();

        await page.WaitForURLAsync(new Regex("sector=textile.*top10=true"));
        var cards = page.Locator(".product-card");
        Assert.True(await cards.CountAsync() > 0);
        Assert.Equal(await cards.CountAsync(), await cards.Locator(".badge-top").CountAsync());
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Clear all filters" })).ToBeVisibleAsync();
    }

    [GeneratedRegex(@"^SPCNCL-\d{4}-\d{3}$")]
    private static partial Regex CertificateNumber();
}
