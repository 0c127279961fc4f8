using System.Buffers.Binary;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Spcncl.Tests.E2E;

/// <summary>
/// The back office's media library in Chromium, as a press officer uses it: a folder for the fair, an image uploaded
/// through the page's file input (script, progress, one request per file), an SVG refused with its reason, alt text in
/// both languages and a focal point set by clicking on the picture (and moved with the keyboard). axe checks every
/// media page on the way.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class MediaLibraryTests(SiteServer site, Browser browser)
{
    [Fact]
    public async Task PressOfficer_UploadsAnImage_DescribesItInBothLanguages_AndSetsItsFocalPoint()
    {
        await using var context = await browser.NewVisitorAsync(site.BaseUrl, "vi-VN");
        var page = await context.NewPageAsync();
        await page.GotoAsync("/backoffice/sign-in");
        await page.Locator("#Email").FillAsync("press@spcncl.test");
        await page.Locator("#Password").FillAsync("Demo-Password-2026");
        await page.Locator("form[action='/backoffice/sign-in'] button[type='submit']").ClickAsync();
        await page.WaitForURLAsync("**/backoffice");

        await page.GetByRole(AriaRole.Link, new() { Name = "Thư viện tệp" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Thư viện tệp");
        await Browser.AssertAccessibleAsync(page);

        var folder = $"Hội chợ 2027 {Guid.NewGuid().ToString("N")[..6]}";
        await page.Locator("#new-folder").FillAsync(folder);
        await page.GetByRole(AriaRole.Button, new() { Name = "Tạo thư mục" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync(folder);
        await Expect(page.Locator(".bo-success")).ToHaveTextAsync("Đã tạo thư mục.");
        await Browser.AssertAccessibleAsync(page);

        await page.Locator("#media-files").SetInputFilesAsync(new FilePayload { Name = "gian-hang.png", MimeType = "image/png", Buffer = TestPng.Make(960, 640) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();
        var uploaded = page.Locator("[data-upload-list] .bo-upload-ok a");
        await Expect(uploaded).ToHaveTextAsync("Đã tải lên: mở tệp");
        await page.Locator("#media-files").SetInputFilesAsync(new FilePayload { Name = "logo.svg", MimeType = "image/svg+xml", Buffer = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Tải lên", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-upload-list] .bo-upload-failed")).ToContainTextAsync("Không nhận tệp SVG và XML");
        await Browser.AssertAccessibleAsync(page);

        await uploaded.ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("gian-hang");
        await Expect(page.Locator(".bo-crumbs")).ToContainTextAsync(folder);
        await Browser.AssertAccessibleAsync(page);

        await page.Locator("#alt-vi").FillAsync("Gian hàng của doanh nghiệp tại hội chợ");
        await page.Locator("#alt-en").FillAsync("An enterprise's stand at the fair");
        await page.Locator("#caption-en").FillAsync("Hanoi Key Industrial Products Fair 2027");
        var picture = page.Locator(".bo-focal-button img");
        var size = (await picture.BoundingBoxAsync())!;
        await picture.ClickAsync(new() { Position = new() { X = size.Width * 0.25f, Y = size.Height * 0.75f } });
        Assert.InRange(Number(await page.Locator("#focal-x").InputValueAsync()), 0.23, 0.27);
        Assert.InRange(Number(await page.Locator("#focal-y").InputValueAsync()), 0.73, 0.77);
        await page.Locator(".bo-focal-button").PressAsync("ArrowRight");
        Assert.InRange(Number(await page.Locator("#focal-x").InputValueAsync()), 0.28, 0.32);
        await page.GetByRole(AriaRole.Button, new() { Name = "Lưu", Exact = true }).ClickAsync();

        await Expect(page.Locator(".bo-success")).ToHaveTextAsync("Đã lưu.");
        await Expect(page.Locator("#alt-vi")).ToHaveValueAsync("Gian hàng của doanh nghiệp tại hội chợ");
        await Expect(page.Locator("#alt-en")).ToHaveValueAsync("An enterprise's stand at the fair");
        await Expect(page.Locator("#caption-en")).ToHaveValueAsync("Hanoi Key Industrial Products Fair 2027");
        Assert.InRange(Number(await page.Locator("#focal-x").InputValueAsync()), 0.28, 0.32);
        Assert.InRange(Number(await page.Locator("#focal-y").InputValueAsync()), 0.73, 0.77);
        await Expect(page.Locator(".bo-focal-button img")).ToHaveAttributeAsync("alt", "Gian hàng của doanh nghiệp tại hội chợ");
        await Expect(page.Locator(".bo-used-by, .bo-empty").First).ToHaveTextAsync("Chưa có trang nào dùng tệp này.");
        await Browser.AssertAccessibleAsync(page);

        await page.Locator(".bo-crumbs").GetByRole(AriaRole.Link, new() { Name = folder }).ClickAsync();
        await Expect(page.Locator(".bo-media-table")).ToContainTextAsync("gian-hang");
    }

    [Fact]
    public async Task MediaUrls_WithBackslashesEncodedDotsOrAHostileName_AnswerNotFoundOrBadRequest_AtTheRealServer()
    {
        using var http = new HttpClient();
        var catalogue = await http.GetStringAsync($"{site.BaseUrl}/vi/san-pham");
        var match = MediaUrl().Match(catalogue);
        Assert.True(match.Success, "the catalogue shows no media");
        var (key, version) = (match.Groups["key"].Value, match.Groups["version"].Value);
        Assert.Equal(200, await site.RawRequestStatusAsync(match.Value));

        string[] hostile =
        [
            $"/media/{key}/{version}/..\\..\\appsettings.json",
            $"/media/{key}/{version}/..%5c..%5cappsettings.json",
            $"/media/{key}/{version}/%2e%2e%2f%2e%2e%2fappsettings.json",
            $"/media/{key}/{version}/%252e%252e%252fappsettings.json",
            $"/media/{key}/{version}/%2e%2e",
            $"/media/{key}/{version}/x.jpg%00.json",
            $"/media/{key}/{version}/..%2f..%2f..%2fApp_Data%2fspcncl.db",
            $"/media/{key}/%2e%2e/appsettings.json",
            $"/media/{key}\\{version}\\x.jpg",
            "/media/..\\..\\appsettings.json",
            "/media/%5c..%5c..%5cappsettings.json",
            "/media/%2e%2e/%2e%2e/appsettings.json",
            "/media/%252e%252e/%252e%252e/appsettings.json",
            "/media/..%255c..%255cappsettings.json/1/x.json",
        ];
        foreach (var target in hostile)
        {
            var status = await site.RawRequestStatusAsync(target);
            Assert.True(status is 400 or 404, $"{target} answered {status}");
        }
    }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    [GeneratedRegex("/media/(?<key>[0-9a-f]{32})/(?<version>[0-9]+)/[a-z0-9-]+\\.(?:jpg|png|webp|gif)")]
    private static partial Regex MediaUrl();
}
