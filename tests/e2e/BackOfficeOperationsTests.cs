using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Spcncl.Tests.E2E;

/// <summary>
/// The back office's registry, inboxes and settings in Chromium, signed in as the demo administrator and the demo
/// registry clerk (each signs in once; the signed-in state is reused). axe checks every screen, forms in their error
/// state included. Nothing here changes what the other end-to-end tests read: refused saves, a redirect added and
/// removed, an enquiry marked handled.
/// </summary>
[Collection(SiteCollection.Name)]
public sealed partial class BackOfficeOperationsTests(SiteServer site, Browser browser)
{
    private const string Password = "Demo-Password-2026";
    private static readonly ConcurrentDictionary<string, string> SignedIn = new();
    private static readonly Lazy<Dictionary<string, Dictionary<string, string>>> Dictionary = new(() =>
        JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(File.ReadAllText(Path.Combine(SiteServer.RepositoryRoot, "uSync", "Dictionary", "BackOffice.json")))!);

    /// <summary>A back-office string as the Vietnamese screens show it (the demo accounts use Vietnamese).</summary>
    private static string Vi(string key) => Dictionary.Value[key]["vi"];

    private static string Vi(string key, params object[] args) => string.Format(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"), Vi(key), args);

    /// <summary>A browser context signed in as <paramref name="email"/>: the first time through the sign-in form, then from its stored state.</summary>
    private async Task<IBrowserContext> AsAsync(string email)
    {
        var key = $"{site.BaseUrl}|{email}";
        if (!SignedIn.TryGetValue(key, out var state))
        {
            await using var fresh = await browser.NewVisitorAsync(site.BaseUrl, "vi-VN");
            var page = await fresh.NewPageAsync();
            await page.GotoAsync("/backoffice/sign-in");
            await page.Locator("#Email").FillAsync(email);
            await page.Locator("#Password").FillAsync(Password);
            await page.Locator("form[action='/backoffice/sign-in'] button[type='submit']").ClickAsync();
            await page.WaitForURLAsync($"{site.BaseUrl}/backoffice");
            state = await fresh.StorageStateAsync();
            SignedIn[key] = state;
        }

        return await browser.Chromium.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = site.BaseUrl,
            Locale = "vi-VN",
            StorageState = state,
            ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
        });
    }

    private static async Task OpenAsync(IPage page, string url, int status = 200)
    {
        var response = await page.GotoAsync(url);
        Assert.True(response!.Status == status, $"{url} answered {response.Status}");
        await Browser.AssertAccessibleAsync(page);
    }

    [Fact]
    public async Task RegistryClerk_ImportsChecksAndPrints_AndEveryRegistryScreenIsAccessible()
    {
        await using var clerk = await AsAsync("registry@spcncl.test");
        var page = await clerk.NewPageAsync();

        await OpenAsync(page, "/backoffice/registry");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = Vi("BackOffice.Cycles.Title") })).ToContainTextAsync("2023");
        await OpenAsync(page, "/backoffice/registry/import");

        // A file that is neither CSV nor XLSX: the form says so in place, with the upload's progress gone.
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "scan.csv", MimeType = "text/csv", Buffer = [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D] });
        await page.GetByRole(AriaRole.Button, new() { Name = Vi("BackOffice.Import.DryRun") }).ClickAsync();
        await Expect(page.Locator("#file-error")).ToHaveTextAsync(Vi("BackOffice.Import.WrongType"));
        await Expect(page.Locator("#file")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.AssertAccessibleAsync(page);

        // A list with a bad row: the dry run's report names the row, the column, the value and the reason, and offers no import.
        var csv = "year,decision_number,decision_date,certificate_number,top10,sector,tax_code,enterprise_name_vi,enterprise_name_en,product_name_vi,product_name_en\r\n"
            + "2026,5120/QĐ-UBND,20/11/2026,E2E-2026-001,,mechanical,0109990901,Công ty Thử E2E,E2E Test Company,Máy E2E 1,E2E machine 1\r\n"
            + "2026,5120/QĐ-UBND,20/11/2026,E2E-2026-002,,mechanical,12345,Công ty Thử E2E,E2E Test Company,Máy E2E 2,E2E machine 2\r\n";
        await page.Locator("#file").SetInputFilesAsync(new FilePayload { Name = "quyet-dinh-2026.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv) });
        await page.GetByRole(AriaRole.Button, new() { Name = Vi("BackOffice.Import.DryRun") }).ClickAsync();
        await page.WaitForURLAsync(ImportReportUrl());
        var badRows = page.GetByRole(AriaRole.Table, new() { Name = Vi("BackOffice.Import.BadRowsTitle") });
        await Expect(badRows.Locator("tbody tr")).ToHaveCountAsync(1);
        await Expect(badRows.Locator("tbody tr td").Nth(0)).ToHaveTextAsync("3");
        await Expect(badRows.Locator("tbody tr td").Nth(1)).ToHaveTextAsync("tax_code");
        await Expect(badRows.Locator("tbody tr td").Nth(2)).ToHaveTextAsync("12345");
        await Expect(badRows.Locator("tbody tr td").Nth(3)).ToHaveTextAsync(Vi("BackOffice.Import.Reason.TaxCodePattern"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = Vi("BackOffice.Import.Commit") })).ToHaveCountAsync(0);
        await Browser.AssertAccessibleAsync(page);

        // The awards, filtered; one opened, and a validity before its decision refused next to the field.
        await OpenAsync(page, "/backoffice/registry/awards?year=2023&top10=true");
        await Expect(page.Locator("table.bo-table tbody tr")).ToHaveCountAsync(10);
        await page.Locator("table.bo-table tbody tr th a").First.ClickAsync();
        await Expect(page.Locator("#CertificateNumber")).Not.ToBeEmptyAsync();
        await Browser.AssertAccessibleAsync(page);
        await page.Locator("#ValidUntil").FillAsync("2001-01-01");
        await page.GetByRole(AriaRole.Button, new() { Name = Vi("BackOffice.Save") }).ClickAsync();
        await Expect(page.Locator("#ValidUntil-error")).ToHaveTextAsync(Vi("BackOffice.Registry.Error.BeforeDecision"));
        await Expect(page.Locator("#ValidUntil")).ToHaveAttributeAsync("aria-invalid", "true");
        await Browser.AssertAccessibleAsync(page);

        await OpenAsync(page, "/backoffice/registry/cycles/2023");
        await OpenAsync(page, "/backoffice/registry/cycles/new");
        await page.Locator("#DecisionDate").FillAsync("2001-05-05");
        await page.GetByRole(AriaRole.Button, new() { Name = Vi("BackOffice.Save") }).ClickAsync();
        await Expect(page.Locator("#DecisionDate-error")).ToHaveTextAsync(Vi("BackOffice.Registry.Error.DateOutsideYear"));
        await Browser.AssertAccessibleAsync(page);

        await OpenAsync(page, "/backoffice/registry/qr?year=2023");
        var codes = page.Locator(".bo-qr-card img");
        Assert.True(await codes.CountAsync() > 10);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = Vi("BackOffice.Qr.Print") })).ToBeVisibleAsync();

        // The clerk's inbox is the buyers' enquiries; settings are not theirs.
        await OpenAsync(page, "/backoffice/inbox");
        await OpenAsync(page, "/backoffice/inbox/enquiries");
        await OpenAsync(page, "/backoffice/settings", 403);
    }

    [Fact]
    public async Task Administrator_WorksThroughTheInboxesAndSettings_AndEveryScreenIsAccessible()
    {
        // An enquiry from a buyer, so the inbox has one to read.
        await using (var visitor = await browser.NewVisitorAsync(site.BaseUrl, "en-GB"))
        {
            var buyer = await visitor.NewPageAsync();
            await buyer.GotoAsync("/en/products?sector=food");
            await buyer.Locator(".product-card h3 a").First.ClickAsync();
            await buyer.GetByLabel("Your name").FillAsync("Back Office E2E Buyer");
            await buyer.GetByLabel("Country").FillAsync("Japan");
            await buyer.GetByLabel("Email address").FillAsync("e2e.buyer@example.jp");
            await buyer.GetByLabel("Your enquiry").FillAsync("Please send your catalogue.");
            await buyer.GetByRole(AriaRole.Button, new() { Name = "Send enquiry" }).ClickAsync();
            await buyer.WaitForURLAsync(new Regex("/enquiry-sent#main$"));
        }

        await using var admin = await AsAsync("admin@spcncl.test");
        var page = await admin.NewPageAsync();

        await OpenAsync(page, "/backoffice/inbox");
        await OpenAsync(page, "/backoffice/inbox/enquiries?handled=no&q=E2E+Buyer");
        await page.Locator("table.bo-table tbody tr td a").First.ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("Back Office E2E Buyer");
        await Browser.AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = Vi("BackOffice.Inbox.MarkHandled") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = Vi("BackOffice.Inbox.MarkUnhandled") })).ToBeVisibleAsync();
        await Expect(page.Locator("main")).ToContainTextAsync("admin@spcncl.test");
        await OpenAsync(page, "/backoffice/inbox/comments");
        await OpenAsync(page, "/backoffice/inbox/registrations?handled=yes&from=2026-01-01&to=2026-12-31");

        await OpenAsync(page, "/backoffice/settings");

        // Redirects: a loop refused by its field, then an old address added, followed by the public site, and removed.
        await OpenAsync(page, "/backoffice/settings/redirects");
        await page.Locator("#Path").FillAsync("/e2e-loop");
        await page.Locator("#Target").FillAsync("/e2e-loop/");
        await page.GetByRole(AriaRole.Button, new() { Name = Vi("BackOffice.Redirects.Add") }).ClickAsync();
        await Expect(page.Locator("#target-error")).ToHaveTextAsync(Vi("BackOffice.Redirects.Error.Loop"));
        await Expect(page.Locator("#Target")).ToHaveValueAsync("/e2e-loop/");
        await Browser.AssertAccessibleAsync(page);
        await page.Locator("#Path").FillAsync("/e2e/trang-cu.aspx");
        await page.Locator("#Target").FillAsync("/vi/san-pham");
        await page.GetByRole(AriaRole.Button, new() { Name = Vi("BackOffice.Redirects.Add") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync(Vi("BackOffice.Redirects.Done.added"));
        await Browser.AssertAccessibleAsync(page);
        var followed = await admin.NewPageAsync();
        await followed.GotoAsync("/e2e/trang-cu.aspx");
        Assert.Equal($"{site.BaseUrl}/vi/san-pham", followed.Url);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = Vi("BackOffice.Redirects.Remove", "/e2e/trang-cu.aspx") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToHaveTextAsync(Vi("BackOffice.Redirects.Done.removed"));

        // The dictionary, both languages side by side; a placeholder the code does not fill is refused, nothing saved.
        await OpenAsync(page, "/backoffice/settings/dictionary?q=BackOffice.Pager.Page");
        await page.Locator("#value_0_vi").FillAsync("Trang {1}");
        await page.GetByRole(AriaRole.Button, new() { Name = Vi("BackOffice.Save") }).ClickAsync();
        await Expect(page.Locator("#value_0_vi-error")).ToHaveTextAsync(Vi("BackOffice.Dictionary.Error.Placeholders"));
        await Expect(page.Locator("#value_0_vi")).ToHaveValueAsync("Trang {1}");
        await Browser.AssertAccessibleAsync(page);

        // Users: the list, an account, and a new account refused for its weak password with Identity's rule, in Vietnamese.
        await OpenAsync(page, "/backoffice/settings/users");
        await page.GetByRole(AriaRole.Link, new() { Name = "editor@spcncl.test" }).ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("editor@spcncl.test");
        await Browser.AssertAccessibleAsync(page);
        await OpenAsync(page, "/backoffice/settings/users/new");
        await page.Locator("#Email").FillAsync("e2e.weak@spcncl.test");
        await page.Locator("#DisplayName").FillAsync("Mật khẩu yếu");
        await page.Locator("#Password").FillAsync("weak");
        await page.Locator("#role-Press").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = Vi("BackOffice.Users.Create") }).ClickAsync();
        await Expect(page.Locator("#user-errors")).ToContainTextAsync(Vi("BackOffice.Identity.PasswordTooShort", 12));
        await Expect(page.Locator("#Email")).ToHaveValueAsync("e2e.weak@spcncl.test");
        await Browser.AssertAccessibleAsync(page);

        await OpenAsync(page, "/backoffice/settings/audit?action=SignIn");
        await Expect(page.Locator("table.bo-table tbody tr").First).ToContainTextAsync("SignIn");

        // The search index rebuilt from the page, its progress shown until it is done.
        await OpenAsync(page, "/backoffice/settings/search");
        await page.GetByRole(AriaRole.Button, new() { Name = Vi("BackOffice.Search.Rebuild") }).ClickAsync();
        await Expect(page.Locator("form[data-rebuild-progress] [role='status']")).ToContainTextAsync(new Regex(Regex.Escape(Vi("BackOffice.Search.Done", 0)).Replace("0", "[0-9.,]+", StringComparison.Ordinal)), new() { Timeout = 60_000 });
        await Browser.AssertAccessibleAsync(page);

        await OpenAsync(page, "/backoffice/settings/health");
        await Expect(page.Locator("main")).ToContainTextAsync("Content-Security-Policy");
    }

    [GeneratedRegex("/backoffice/registry/import/[0-9a-f]{32}$")]
    private static partial Regex ImportReportUrl();
}
