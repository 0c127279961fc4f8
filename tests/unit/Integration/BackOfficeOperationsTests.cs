using System.Net;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spcncl.BackOffice;
using Spcncl.Content.Documents;
using Spcncl.Localization;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;
using Spcncl.Publicity;
using Spcncl.Published;
using Spcncl.Registry;
using Spcncl.Registry.Enquiries;
using Spcncl.Tests.Fixtures;
using static Spcncl.Tests.Fixtures.ContentValues;

namespace Spcncl.Tests.Integration;

/// <summary>
/// The back office's registry, inboxes and settings over HTTP, as each role meets them: who may open and post what
/// (every refusal a 403 in the audit log), antiforgery, a decision list checked then imported, an award corrected,
/// inbox rows handled and exported, a manual redirect served by the public site and a loop refused, a dictionary edit
/// seen on the public site, a weak password refused with Identity's message, the audit log filtered, and the search
/// index rebuilt with its progress. The same tests run on SQLite and on PostgreSQL.
/// </summary>
public abstract partial class BackOfficeOperationsTests(BackOfficeSiteFactory site) : IDisposable
{
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public void Dispose()
    {
        site.Clock.Reset();
        GC.SuppressFinalize(this);
    }

    private T Service<T>()
        where T : notnull => site.Services.GetRequiredService<T>();

    private Task<BackOfficeSession> As(string role) => BackOfficeSession.AsAsync(site, role);

    private string Text(string culture, string key) => Encoder.Encode(Service<SiteText>().In(culture, key));

    private string Format(string culture, string key, params object[] args) =>
        Encoder.Encode(string.Format(Service<SiteCultures>().Get(culture).Info, Service<SiteText>().In(culture, key), args));

    private async Task<List<AuditEntryEntity>> AuditAsync(string user, string? action = null)
    {
        await using var db = Service<SiteDbContextFactory>().CreateDbContext();
        return await db.AuditEntries.AsNoTracking().Where(a => a.UserName == user && (action == null || a.Action == action)).OrderBy(a => a.Id).ToListAsync();
    }

    // ---- Permissions -----------------------------------------------------------------------------------

    /// <summary>
    /// Every screen and action of the registry, inboxes and settings, and the roles allowed it. Posts are chosen so
    /// that an allowed role changes nothing (an empty form, a stale stamp, a row that does not exist) but gets past
    /// the permission check: anything but 403.
    /// </summary>
    private static IEnumerable<(string Method, string Url, string[] Allowed, Dictionary<string, string>? Fields)> Actions()
    {
        string[] registry = [BackOfficeRoles.Administrator, BackOfficeRoles.RegistryClerk];
        string[] enquiries = [BackOfficeRoles.Administrator, BackOfficeRoles.Editor, BackOfficeRoles.RegistryClerk];
        string[] comments = [BackOfficeRoles.Administrator, BackOfficeRoles.Editor, BackOfficeRoles.Press];
        string[] inbox = [BackOfficeRoles.Administrator, BackOfficeRoles.Editor, BackOfficeRoles.Press, BackOfficeRoles.RegistryClerk];
        string[] editors = [BackOfficeRoles.Administrator, BackOfficeRoles.Editor];
        string[] admin = [BackOfficeRoles.Administrator];
        Dictionary<string, string> empty = [];

        yield return ("GET", "/backoffice/registry", registry, null);
        yield return ("GET", "/backoffice/registry/import", registry, null);
        yield return ("POST", "/backoffice/registry/import", registry, empty);
        yield return ("GET", "/backoffice/registry/awards?year=2023&top10=true", registry, null);
        yield return ("GET", "/backoffice/registry/awards/1", registry, null);
        yield return ("POST", "/backoffice/registry/awards/1", registry, new() { ["Stamp"] = "1" });
        yield return ("GET", "/backoffice/registry/cycles/2023", registry, null);
        yield return ("POST", "/backoffice/registry/cycles/2023", registry, new() { ["Stamp"] = "1" });
        yield return ("GET", "/backoffice/registry/cycles/new", registry, null);
        yield return ("POST", "/backoffice/registry/cycles/new", registry, new() { ["Year"] = "1990" });
        yield return ("GET", "/backoffice/registry/qr?year=2023", registry, null);
        yield return ("GET", "/backoffice/inbox", inbox, null);
        yield return ("GET", "/backoffice/inbox/enquiries", enquiries, null);
        yield return ("GET", "/backoffice/inbox/enquiries/export", enquiries, null);
        yield return ("GET", "/backoffice/inbox/enquiries/999999", enquiries, null);
        yield return ("POST", "/backoffice/inbox/enquiries/999999/handled", enquiries, new() { ["handled"] = "true" });
        yield return ("GET", "/backoffice/inbox/comments", comments, null);
        yield return ("GET", "/backoffice/inbox/comments/export", comments, null);
        yield return ("POST", "/backoffice/inbox/comments/999999/handled", comments, new() { ["handled"] = "true" });
        yield return ("GET", "/backoffice/inbox/registrations", comments, null);
        yield return ("POST", "/backoffice/inbox/registrations/999999/handled", comments, new() { ["handled"] = "false" });
        yield return ("GET", "/backoffice/settings", editors, null);
        yield return ("GET", "/backoffice/settings/redirects", editors, null);
        yield return ("POST", "/backoffice/settings/redirects", editors, empty);
        yield return ("POST", "/backoffice/settings/redirects/999999/remove", editors, empty);
        yield return ("GET", "/backoffice/settings/dictionary?q=nav", editors, null);
        yield return ("POST", "/backoffice/settings/dictionary", editors, new() { ["count"] = "0" });
        yield return ("GET", "/backoffice/settings/audit", editors, null);
        yield return ("GET", "/backoffice/settings/users", admin, null);
        yield return ("GET", "/backoffice/settings/users/new", admin, null);
        yield return ("POST", "/backoffice/settings/users/new", admin, empty);
        yield return ("POST", "/backoffice/settings/users/no-such-user/lock", admin, empty);
        yield return ("POST", "/backoffice/settings/users/no-such-user/reset-two-factor", admin, empty);
        yield return ("GET", "/backoffice/settings/search", admin, null);
        yield return ("GET", "/backoffice/settings/search/progress", admin, null);
        yield return ("GET", "/backoffice/settings/health", admin, null);
    }

    public static TheoryData<string> Roles() => [.. BackOfficeRoles.All];

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task PermissionMatrix_EachRoleReachesWhatItsRoleAllows_AndEveryRefusalIs403InTheAuditLog(string role)
    {
        var me = await As(role);
        var token = await me.TokenAsync("/backoffice/account");
        var wrong = new List<string>();
        foreach (var (method, url, allowed, fields) in Actions())
        {
            var refusalsBefore = (await AuditAsync(me.Email, "Refused")).Count;
            HttpResponseMessage response;
            if (method == "GET")
            {
                response = await me.GetAsync(url);
            }
            else
            {
                using var form = new FormUrlEncodedContent([.. fields!, new("__RequestVerificationToken", token)]);
                response = await me.Client.PostAsync(url, form);
            }

            var refusals = await AuditAsync(me.Email, "Refused");
            var expected = allowed.Contains(role);
            if (expected && response.StatusCode == HttpStatusCode.Forbidden)
            {
                wrong.Add($"{method} {url}: refused, but {role} may");
            }
            else if (!expected && response.StatusCode != HttpStatusCode.Forbidden)
            {
                wrong.Add($"{method} {url}: answered {(int)response.StatusCode}, but {role} may not");
            }
            else if (!expected && refusals.Count != refusalsBefore + 1)
            {
                wrong.Add($"{method} {url}: refused without an audit entry");
            }
            else if (expected && refusals.Count != refusalsBefore)
            {
                wrong.Add($"{method} {url}: allowed, yet a refusal was audited");
            }
            else if (response.StatusCode >= HttpStatusCode.InternalServerError)
            {
                wrong.Add($"{method} {url}: {(int)response.StatusCode}");
            }
        }

        Assert.True(wrong.Count == 0, string.Join(Environment.NewLine, wrong));
    }

    [Fact]
    public async Task Navigation_ShowsEachRoleOnlyTheSectionsItMayOpen()
    {
        var clerk = await As(BackOfficeRoles.RegistryClerk);
        var (_, html) = await clerk.PageAsync("/backoffice");

        Assert.Contains("href=\"/backoffice/registry\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/backoffice/inbox\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/backoffice/settings\"", html, StringComparison.Ordinal);
        var (_, settings) = await (await As(BackOfficeRoles.Editor)).PageAsync("/backoffice/settings");
        Assert.Contains("href=\"/backoffice/settings/redirects\"", settings, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/backoffice/settings/users\"", settings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Posts_WithoutAnAntiforgeryToken_AreRefused_AndChangeNothing()
    {
        var admin = await As(BackOfficeRoles.Administrator);

        var redirect = await admin.PostAsync("/backoffice/settings/redirects", new Dictionary<string, string> { ["Path"] = "/csrf-test", ["Target"] = "/vi/" }, withToken: false);
        var rebuild = await admin.PostAsync("/backoffice/settings/search/rebuild", new Dictionary<string, string>(), withToken: false);
        var user = await admin.PostAsync("/backoffice/settings/users/new", new Dictionary<string, string> { ["Email"] = "csrf@backoffice.test", ["DisplayName"] = "CSRF", ["Password"] = "Csrf-Password-2026", ["Roles"] = "Editor" }, withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, redirect.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, rebuild.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, user.StatusCode);
        Assert.DoesNotContain(Service<PublishedSnapshotService>().Current.ManualRedirects, r => r.Path == "/csrf-test");
        await using var scope = site.Services.CreateAsyncScope();
        Assert.Null(await scope.ServiceProvider.GetRequiredService<BackOfficeUsers>().FindAsync("csrf@backoffice.test"));
    }

    // ---- Registry --------------------------------------------------------------------------------------

    [Fact]
    public async Task Import_DryRunReportsWhatWouldChange_ThenCommitWritesIt()
    {
        var clerk = await As(BackOfficeRoles.RegistryClerk);
        var lines = new[] { DecisionLine.Product(41, "0109990041") with { Top10 = "x" }, DecisionLine.Product(42, "0109990041") };
        var file = DecisionFiles.Csv(DecisionLine.Table(lines));

        var uploaded = await clerk.UploadAsync("/backoffice/registry/import", "file", "quyết định 2026.csv", file, "/backoffice/registry/import", "text/csv");

        Assert.Equal(HttpStatusCode.SeeOther, uploaded.StatusCode);
        var report = uploaded.Headers.Location!.OriginalString;
        Assert.Matches("^/backoffice/registry/import/[0-9a-f]{32}$", report);
        Assert.Null(Service<AwardRegistry>().Current.ByCertificate("TEST-2026-041"));
        var (status, html) = await clerk.PageAsync(report);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("quyết định 2026.csv", html, StringComparison.Ordinal);
        Assert.Matches(new Regex($"<th scope=\"row\">{Text("vi", "BackOffice.Import.Awards")}</th>\\s*<td>2</td>\\s*<td>0</td>\\s*<td>0</td>"), html);
        Assert.Matches(new Regex($"<th scope=\"row\">{Text("vi", "BackOffice.Import.Products")}</th>\\s*<td>2</td>"), html);
        Assert.Contains(Text("vi", "BackOffice.Import.Ready"), html, StringComparison.Ordinal);
        Assert.Contains($"action=\"{report}\"", html, StringComparison.Ordinal);

        // The upload is kept under a generated name, never the one the clerk's file had.
        var kept = Directory.GetFiles(Path.Combine(Service<Spcncl.Hosting.SitePaths>().Data, "registry-imports")).Select(Path.GetFileName).ToList();
        Assert.NotEmpty(kept);
        Assert.All(kept, name => Assert.Matches("^[0-9a-f]{32}\\.(csv|xlsx|json)$", name));

        var committed = await clerk.PostAsync(report, new Dictionary<string, string>(), tokenFrom: report);

        Assert.Equal(HttpStatusCode.SeeOther, committed.StatusCode);
        var award = Service<AwardRegistry>().Current.ByCertificate("TEST-2026-041");
        Assert.NotNull(award);
        Assert.True(award.Top10);
        Assert.NotNull(Service<AwardRegistry>().Current.ByCertificate("TEST-2026-042"));
        var (_, after) = await clerk.PageAsync(report);
        Assert.Contains(Text("vi", "BackOffice.Import.WhatItDid"), after, StringComparison.Ordinal);
        Assert.Contains(clerk.Email, after, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"{report}\"", after, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(clerk.Email, "RegistryImported"), a => a.Details!.Contains("2 created", StringComparison.Ordinal));

        // The file was checked once and imported once: committing again is refused and imports nothing twice.
        var again = await clerk.PostAsync(report, new Dictionary<string, string>(), tokenFrom: report);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
    }

    [Theory]
    [InlineData("vi",
        "Mã số thuế phải gồm 10 chữ số, hoặc 10 chữ số, dấu gạch ngang và 3 chữ số đối với chi nhánh.",
        "Dòng 2 ghi quyết định số 5120/QĐ-UBND ngày 20/11/2026 cho năm 2026: mỗi năm chỉ có một quyết định công nhận.")]
    [InlineData("en",
        "Must be 10 digits, or 10 digits, a hyphen and 3 digits for a branch.",
        "Row 2 gives decision 5120/QĐ-UBND of 20 November 2026 for 2026: a year has one decision.")]
    public async Task Import_BadRows_AreListedWithRowColumnValueAndReasonInTheClerksLanguage_AndCannotBeCommitted(string language, string taxCodeReason, string decisionReason)
    {
        var clerk = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.RegistryClerk, uiCulture: language);
        var lines = new[]
        {
            DecisionLine.Product(51, "0109990051"),
            DecisionLine.Product(52, "0109990051") with { TaxCode = "12345" },
            DecisionLine.Product(53, "0109990051") with { DecisionDate = "21/11/2026" },
        };

        var uploaded = await clerk.UploadAsync("/backoffice/registry/import", "file", "bad.csv", DecisionFiles.Csv(DecisionLine.Table(lines)), "/backoffice/registry/import", "text/csv");
        var report = uploaded.Headers.Location!.OriginalString;
        var (status, html) = await clerk.PageAsync(report);

        // The reason is the dictionary's, in the clerk's language (a date in the culture's own way), and not marked as English.
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches(new Regex($"<td>3</td>\\s*<td>tax_code</td>\\s*<td><code>12345</code></td>\\s*<td>{Regex.Escape(Encoder.Encode(taxCodeReason))}</td>"), html);
        Assert.Matches(new Regex($"<td>4</td>\\s*<td>decision_number</td>\\s*<td><code>{Regex.Escape(Encoder.Encode("5120/QĐ-UBND"))}</code></td>\\s*<td>{Regex.Escape(Encoder.Encode(decisionReason))}</td>"), html);
        Assert.DoesNotContain("lang=\"en\"", html.Split("id=\"bad-rows\"")[1], StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"{report}\"", html, StringComparison.Ordinal);
        var commit = await clerk.PostAsync(report, new Dictionary<string, string>(), tokenFrom: report);
        Assert.Equal(HttpStatusCode.Conflict, commit.StatusCode);
        Assert.Null(Service<AwardRegistry>().Current.ByCertificate("TEST-2026-051"));
    }

    [Theory]
    [InlineData("vi", "Thiếu các cột: Nhóm ngành (sector). Không nhận ra các tiêu đề: 'Lĩnh vực'.")]
    [InlineData("en", "Columns are missing: sector (Nhóm ngành). These headers were not recognised: 'Lĩnh vực'.")]
    public async Task Import_AFileThatCannotBeRead_SaysWhyInTheClerksLanguage(string language, string reason)
    {
        var clerk = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.RegistryClerk, uiCulture: language);
        var headers = DecisionFiles.EnglishHeaders.Select(h => h == "sector" ? "Lĩnh vực" : h).ToArray();

        var uploaded = await clerk.UploadAsync("/backoffice/registry/import", "file", "columns.csv", DecisionFiles.Csv(DecisionLine.Table([DecisionLine.Product(54)], headers)), "/backoffice/registry/import", "text/csv");
        var (status, html) = await clerk.PageAsync(uploaded.Headers.Location!.OriginalString);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches(new Regex($"<p>{Regex.Escape(Text(language, "BackOffice.Import.FileProblem"))}</p>\\s*<p>{Regex.Escape(Encoder.Encode(reason))}</p>"), html);
    }

    [Fact]
    public async Task Import_AReportStoredBeforeReasonsHadCodes_ShowsItsEnglishMarkedAsEnglish()
    {
        var clerk = await As(BackOfficeRoles.RegistryClerk);
        var folder = Path.Combine(Service<Spcncl.Hosting.SitePaths>().Data, "registry-imports");
        Directory.CreateDirectory(folder);
        string Stored(string fileError, string errors)
        {
            var id = Guid.NewGuid();
            File.WriteAllText(Path.Combine(folder, $"{id:N}.json"), $$"""
                {"id":"{{id}}","fileName":"old.csv","format":"csv","uploadedBy":"{{clerk.Email}}","uploadedUtc":"2026-11-30T08:00:00Z",
                 "report":{"dryRun":true,"committed":false,"fileError":{{fileError}},"rows":2,
                   "cycles":{"created":0,"updated":0,"unchanged":0},"enterprises":{"created":0,"updated":0,"unchanged":0},
                   "products":{"created":0,"updated":0,"unchanged":0},"awards":{"created":0,"updated":0,"unchanged":0},"errors":{{errors}}
                 }
                }
                """);
            return $"/backoffice/registry/import/{id:N}";
        }

        var (rowStatus, rowHtml) = await clerk.PageAsync(Stored("null", """[{"row":3,"column":"tax_code","value":"12345","reason":"must be 10 digits"}]"""));
        var (fileStatus, fileHtml) = await clerk.PageAsync(Stored("\"the file is empty\"", "[]"));

        Assert.Equal(HttpStatusCode.OK, rowStatus);
        Assert.Matches(new Regex("<td>3</td>\\s*<td>tax_code</td>\\s*<td><code>12345</code></td>\\s*<td lang=\"en\">must be 10 digits</td>"), rowHtml);
        Assert.Equal(HttpStatusCode.OK, fileStatus);
        Assert.Contains("<p lang=\"en\">the file is empty</p>", fileHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OverTheSizeLimit_Answers413WithAMessage_AndAFileThatIsNeitherCsvNorXlsx_IsRefusedByContent()
    {
        var clerk = await As(BackOfficeRoles.RegistryClerk);

        var large = await clerk.UploadAsync("/backoffice/registry/import", "file", "huge.csv", new byte[BackOfficeSiteFactory.ImportLimit + 100_000], "/backoffice/registry/import", "text/csv");
        var binary = await clerk.UploadAsync("/backoffice/registry/import", "file", "list.csv", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D], "/backoffice/registry/import", "text/csv");
        var none = await clerk.PostAsync("/backoffice/registry/import", new Dictionary<string, string>(), tokenFrom: "/backoffice/registry/import");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        var megabytes = Math.Round(BackOfficeSiteFactory.ImportLimit / 1024m / 1024m, 1);
        Assert.Contains(Format("vi", "BackOffice.Import.TooLarge", megabytes), await large.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, binary.StatusCode);
        Assert.Contains(Text("vi", "BackOffice.Import.WrongType"), await binary.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
    }

    [Fact]
    public async Task AwardEdit_IsSavedThroughTheRegistry_AndTheVerificationPageShowsIt()
    {
        var clerk = await As(BackOfficeRoles.RegistryClerk);
        var award = Service<AwardRegistry>().Current.Awards.First(a => a.Year == 2022 && !a.Top10);
        var url = $"/backoffice/registry/awards/{award.Record.Id}";
        var (_, form) = await clerk.PageAsync(url);
        var stamp = StampPattern().Match(form).Groups[1].Value;
        Dictionary<string, string> Fields(string productEn, string validUntil) => new()
        {
            ["CertificateNumber"] = award.CertificateNumber,
            ["SectorCode"] = award.SectorCode,
            ["Top10"] = "true",
            ["ValidUntil"] = validUntil,
            ["ProductNameVi"] = award.Record.ProductNameVi,
            ["ProductNameEn"] = productEn,
            ["EnterpriseNameVi"] = award.Record.EnterpriseNameVi,
            ["EnterpriseNameEn"] = award.Record.EnterpriseNameEn,
            ["Stamp"] = stamp,
        };

        // A validity before the decision is refused next to the field, with everything typed kept.
        var invalid = await clerk.PostAsync(url, Fields("Corrected <name>", "2001-01-01"), tokenFrom: url);
        var invalidHtml = await invalid.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);
        Assert.Contains($"<p class=\"bo-error\" id=\"ValidUntil-error\">{Text("vi", "BackOffice.Registry.Error.BeforeDecision")}</p>", invalidHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"Corrected &lt;name&gt;\"", invalidHtml, StringComparison.Ordinal);
        Assert.False(Service<AwardRegistry>().Current.ByCertificate(award.CertificateNumber)!.Top10);

        var saved = await clerk.PostAsync(url, Fields("Corrected export name", award.ValidUntil.AddYears(1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), tokenFrom: url);

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        var now = Service<AwardRegistry>().Current.ByCertificate(award.CertificateNumber)!;
        Assert.True(now.Top10);
        Assert.Equal("Corrected export name", now.ProductName("en"));
        Assert.Equal(award.ValidUntil.AddYears(1), now.ValidUntil);
        var verify = await site.Browser().GetStringAsync($"/en/verify?certificate={Uri.EscapeDataString(award.CertificateNumber)}");
        Assert.Contains("Corrected export name", verify, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(clerk.Email, "AwardEdited"), a => a.Details!.Contains(award.CertificateNumber, StringComparison.Ordinal));

        // The form it was saved from is stale now: saving it again is a conflict, not an overwrite.
        var stale = await clerk.PostAsync(url, Fields("Stale", award.ValidUntil.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), tokenFrom: url);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("Corrected export name", Service<AwardRegistry>().Current.ByCertificate(award.CertificateNumber)!.ProductName("en"));
    }

    [Fact]
    public async Task CycleEdit_ANewDecisionDate_MovesTheDefaultValidityOfThatYearsAwards()
    {
        var clerk = await As(BackOfficeRoles.RegistryClerk);
        var cycle = Service<AwardRegistry>().Current.Cycle(2020)!;
        var url = "/backoffice/registry/cycles/2020";
        var (_, form) = await clerk.PageAsync(url);
        var newDate = cycle.DecisionDate!.Value.AddDays(2);
        var defaults = Service<AwardRegistry>().Current.ForYear(2020).Count(a => a.ValidUntil == cycle.DecisionDate.Value.AddYears(3).AddDays(-1));
        Assert.True(defaults > 0);

        var saved = await clerk.PostAsync(url, new Dictionary<string, string>
        {
            ["Status"] = nameof(CycleStatus.Recognised),
            ["DecisionNumber"] = cycle.DecisionNumber,
            ["DecisionDate"] = newDate.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["CouncilDate"] = "",
            ["CeremonyDate"] = "",
            ["Stamp"] = StampPattern().Match(form).Groups[1].Value,
        }, tokenFrom: url);

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Equal($"{url}?saved=1&followed={defaults}", saved.Headers.Location!.OriginalString);
        Assert.Equal(newDate, Service<AwardRegistry>().Current.Cycle(2020)!.DecisionDate);
        Assert.Equal(defaults, Service<AwardRegistry>().Current.ForYear(2020).Count(a => a.ValidUntil == newDate.AddYears(3).AddDays(-1)));
    }

    [Fact]
    public async Task QrSheet_ListsTheYearsCertificatesWithTheirCodes()
    {
        var clerk = await As(BackOfficeRoles.RegistryClerk);
        var awards = Service<AwardRegistry>().Current.ForYear(2021).ToList();

        var (status, html) = await clerk.PageAsync("/backoffice/registry/qr?year=2021");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(awards.Count, QrImage().Count(html));
        var first = awards.First();
        Assert.Contains($"<img src=\"{Spcncl.Site.Pages.QrEndpoints.Url(first.CertificateNumber)}\" alt=\"{Format("vi", "BackOffice.Qr.Alt", first.CertificateNumber)}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await site.Browser().GetAsync(Spcncl.Site.Pages.QrEndpoints.Url(first.CertificateNumber))).StatusCode);
    }

    // ---- Inboxes ---------------------------------------------------------------------------------------

    private async Task<(Guid Product, Guid Enterprise)> SendEnquiryAsync(string name, string message)
    {
        var snapshot = Service<PublishedSnapshotService>().Current;
        var award = Service<AwardRegistry>().Current.Awards.First(a => snapshot.Get(a.ProductKey) is not null && snapshot.Get(a.EnterpriseKey) is not null);
        await Service<EnquiryService>().SubmitAsync(
            new EnquiryInput { Name = name, Company = "Buyer GmbH, Europe", Country = "Germany", Email = "buyer@example.com", Message = message },
            award.ProductKey,
            award.EnterpriseKey,
            "en",
            default);
        return (award.ProductKey, award.EnterpriseKey);
    }

    [Fact]
    public async Task Inbox_MarkHandled_RecordsWhoAndWhen_AndTheFiltersFollow()
    {
        var editor = await As(BackOfficeRoles.Editor);
        var snapshot = Service<PublishedSnapshotService>().Current;
        var announcement = snapshot.OfType("announcement").First();
        var outcome = await Service<CommentService>().SubmitAsync(announcement.Key, DateTimeOffset.UtcNow.AddDays(1), "vi", new CommentInput { Name = "Nguyễn Văn Góp Ý", Email = "gopy@example.vn", Comment = "Đề nghị bổ sung tiêu chí." }, default);
        Assert.Equal(Spcncl.Forms.FormStatus.Accepted, outcome.Status);
        await using var db = Service<SiteDbContextFactory>().CreateDbContext();
        var id = (await db.Comments.SingleAsync(c => c.Name == "Nguyễn Văn Góp Ý")).Id;

        var (_, open) = await editor.PageAsync($"/backoffice/inbox/comments?handled=no&q={Uri.EscapeDataString("góp ý")}&about={announcement.Key}");
        Assert.Contains($"/backoffice/inbox/comments/{id}?", open, StringComparison.Ordinal);

        var marked = await editor.PostAsync($"/backoffice/inbox/comments/{id}/handled", new Dictionary<string, string> { ["handled"] = "true" }, tokenFrom: $"/backoffice/inbox/comments/{id}");

        Assert.Equal(HttpStatusCode.SeeOther, marked.StatusCode);
        await using var after = Service<SiteDbContextFactory>().CreateDbContext();
        var row = await after.Comments.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.True(row.Handled);
        Assert.Equal(editor.Email, row.HandledBy);
        Assert.NotNull(row.HandledUtc);
        var (_, detail) = await editor.PageAsync($"/backoffice/inbox/comments/{id}");
        Assert.Contains(Format("vi", "BackOffice.Inbox.HandledBy", editor.Email, Service<CultureFormatter>().DateTime(row.HandledUtc.Value, "vi")), detail, StringComparison.Ordinal);
        Assert.Contains(Text("vi", "BackOffice.Inbox.MarkUnhandled"), detail, StringComparison.Ordinal);
        var (_, unhandledList) = await editor.PageAsync("/backoffice/inbox/comments?handled=no");
        Assert.DoesNotContain($"/backoffice/inbox/comments/{id}?", unhandledList, StringComparison.Ordinal);
        var (_, handledList) = await editor.PageAsync("/backoffice/inbox/comments?handled=yes");
        Assert.Contains($"/backoffice/inbox/comments/{id}?", handledList, StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(editor.Email, "InboxHandled"), a => a.Details == $"comments {id}");

        var unmarked = await editor.PostAsync($"/backoffice/inbox/comments/{id}/handled", new Dictionary<string, string> { ["handled"] = "false" }, tokenFrom: $"/backoffice/inbox/comments/{id}");
        Assert.Equal(HttpStatusCode.SeeOther, unmarked.StatusCode);
        await using var last = Service<SiteDbContextFactory>().CreateDbContext();
        var reopened = await last.Comments.AsNoTracking().SingleAsync(c => c.Id == id);
        Assert.False(reopened.Handled);
        Assert.Null(reopened.HandledBy);
    }

    [Fact]
    public async Task Inbox_ExportCsv_IsUtf8WithBom_WithAHeader_AllFilteredRows_AndEscapedFields()
    {
        var clerk = await As(BackOfficeRoles.RegistryClerk);
        var message = "Price list, please: \"FOB Hai Phong\"\nand lead time.";
        await SendEnquiryAsync("=HYPERLINK(\"http://evil\")", message);
        await SendEnquiryAsync("Anna Export", "Second message");

        var response = await clerk.GetAsync("/backoffice/inbox/enquiries/export?handled=no&q=export");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var csv = Encoding.UTF8.GetString(bytes[3..]);
        var lines = csv.Split("\r\n");
        Assert.Equal("id,received,language,product,enterprise,name,company,country,email,message,meetAtFair,mailStatus,handled,handledBy,handledAt", lines[0]);
        Assert.Contains("Anna Export", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("HYPERLINK", csv, StringComparison.Ordinal);

        var all = Encoding.UTF8.GetString((await (await clerk.GetAsync("/backoffice/inbox/enquiries/export")).Content.ReadAsByteArrayAsync())[3..]);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil\"\")\"", all, StringComparison.Ordinal);
        Assert.Contains("\"Buyer GmbH, Europe\"", all, StringComparison.Ordinal);
        Assert.Contains("\"Price list, please: \"\"FOB Hai Phong\"\"\nand lead time.\"", all, StringComparison.Ordinal);
        await using var db = Service<SiteDbContextFactory>().CreateDbContext();
        Assert.Equal(await db.Enquiries.CountAsync() + 1, CsvRecords(all));
    }

    /// <summary>Records in CSV text (header included): line ends outside quotes.</summary>
    private static int CsvRecords(string csv)
    {
        var (records, quoted) = (0, false);
        for (var i = 0; i < csv.Length; i++)
        {
            if (csv[i] == '"')
            {
                quoted = !quoted;
            }
            else if (!quoted && csv[i] == '\r' && i + 1 < csv.Length && csv[i + 1] == '\n')
            {
                records++;
            }
        }

        return records;
    }

    // ---- Redirects -------------------------------------------------------------------------------------

    [Fact]
    public async Task ManualRedirect_IsServedByThePublicSiteWith301_AndALoopOrAnotherSiteIsRefused()
    {
        var editor = await As(BackOfficeRoles.Editor);
        const string page = "/backoffice/settings/redirects";
        async Task<HttpResponseMessage> AddAsync(string path, string target) =>
            await editor.PostAsync(page, new Dictionary<string, string> { ["Path"] = path, ["Target"] = target }, tokenFrom: page);

        Assert.Equal(HttpStatusCode.SeeOther, (await AddAsync("/Tin-Tuc/Chi-Tiet.aspx", "/vi/tin-tuc")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await AddAsync("/gioi-thieu-cu", "/en/products?sector=food")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await AddAsync("/en/old-catalogue", "/en/products")).StatusCode);

        foreach (var (from, to) in new[] { ("/tin-tuc/chi-tiet.aspx", "/vi/tin-tuc"), ("/TIN-TUC/chi-tiet.aspx?id=7", "/vi/tin-tuc?id=7"), ("/gioi-thieu-cu/", "/en/products?sector=food"), ("/en/old-catalogue", "/en/products") })
        {
            var response = await site.Browser().GetAsync(from);
            Assert.True(response.StatusCode == HttpStatusCode.MovedPermanently, $"{from} answered {(int)response.StatusCode}");
            Assert.Equal(to, response.Headers.Location!.OriginalString);
        }

        // A loop, however long, and a target on another site are refused with the reason by the field.
        Assert.Equal(HttpStatusCode.SeeOther, (await AddAsync("/loop-a", "/loop-b")).StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await AddAsync("/loop-b", "/loop-c?x=1")).StatusCode);
        var loop = await AddAsync("/loop-c", "/LOOP-A/");
        var loopHtml = await loop.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, loop.StatusCode);
        Assert.Contains($"<p class=\"bo-error\" id=\"target-error\">{Text("vi", "BackOffice.Redirects.Error.Loop")}</p>", loopHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"/LOOP-A/\"", loopHtml, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await AddAsync("/self", "/self")).StatusCode);
        foreach (var offSite in new[] { "https://evil.example/", "//evil.example", "/\\evil.example", "javascript:alert(1)" })
        {
            var refused = await AddAsync("/off-site", offSite);
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            Assert.Contains(Text("vi", "BackOffice.Redirects.Error.NotLocal"), await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await AddAsync("/en/products", "/vi/")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync("/loop-c")).StatusCode);

        // Removed: the old address is a 404 again.
        var id = Service<PublishedSnapshotService>().Current.ManualRedirects.Single(r => r.Path == "/gioi-thieu-cu").Id;
        Assert.Equal(HttpStatusCode.SeeOther, (await editor.PostAsync($"{page}/{id}/remove", new Dictionary<string, string>(), tokenFrom: page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync("/gioi-thieu-cu")).StatusCode);
        Assert.Contains(await AuditAsync(editor.Email, "RedirectRemoved"), a => a.Details!.StartsWith("/gioi-thieu-cu", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AutomaticRedirects_AreListedWithTheirPagesCurrentAddress()
    {
        var content = Service<IContentService>();
        var home = Service<PublishedSnapshotService>().Current.Home!.Id;
        var created = Ok(await content.CreateAsync(new CreateDocumentRequest("textPage", home, Cultures(("vi", new VariantInput("Trang sẽ đổi tên", Values: Values(("body", "Nội dung.")))))), "test"));
        Ok(await content.PublishAsync(created.Id, ["vi"], "test"));
        var renamed = Ok(await content.SaveAsync(new SaveDocumentRequest(created.Id, (await content.GetAsync(created.Id))!.Revision, Cultures(("vi", new VariantInput("Trang đã đổi tên")))), "test"));
        Ok(await content.PublishAsync(created.Id, ["vi"], "test", renamed.Revision));

        var (status, html) = await (await As(BackOfficeRoles.Editor)).PageAsync("/backoffice/settings/redirects");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Matches(new Regex("<td><code>/vi/trang-se-doi-ten</code></td>\\s*<td>Trang đã đổi tên</td>\\s*<td>\\s*<a href=\"/vi/trang-da-doi-ten\">"), html);
    }

    // ---- Dictionary ------------------------------------------------------------------------------------

    [Fact]
    public async Task DictionaryEdit_ShowsOnThePublicSiteAtOnce_AndBrokenPlaceholdersAreRefused()
    {
        var editor = await As(BackOfficeRoles.Editor);
        const string key = "Nav.SkipToContent";
        var page = $"/backoffice/settings/dictionary?q={key}";
        var (_, html) = await editor.PageAsync(page);
        Assert.Contains($"<code>{key}</code><input type=\"hidden\" name=\"key_0\" value=\"{key}\">", html, StringComparison.Ordinal);
        var vi = Service<SiteText>().In("vi", key);
        var en = Service<SiteText>().In("en", key);

        var saved = await editor.PostAsync("/backoffice/settings/dictionary", new Dictionary<string, string>
        {
            ["count"] = "1",
            ["q"] = key,
            ["key_0"] = key,
            ["value_0_vi"] = vi,
            ["original_0_vi"] = vi,
            ["value_0_en"] = "Jump to the main content",
            ["original_0_en"] = en,
        }, tokenFrom: page);

        Assert.Equal(HttpStatusCode.SeeOther, saved.StatusCode);
        Assert.Contains("saved=1", saved.Headers.Location!.OriginalString, StringComparison.Ordinal);
        var home = await site.Browser().GetStringAsync("/en/");
        Assert.Contains(">Jump to the main content</a>", home, StringComparison.Ordinal);
        Assert.Contains($">{Encoder.Encode(vi)}</a>", await site.Browser().GetStringAsync("/vi/"), StringComparison.Ordinal);
        Assert.Contains(await AuditAsync(editor.Email, "DictionaryEdited"), a => a.Details == $"{key} (en)");

        // A placeholder the code does not fill would break every page that shows the text: refused, nothing saved.
        var broken = await editor.PostAsync("/backoffice/settings/dictionary", new Dictionary<string, string>
        {
            ["count"] = "1",
            ["key_0"] = key,
            ["value_0_vi"] = vi,
            ["original_0_vi"] = vi,
            ["value_0_en"] = "Skip {0} to content {",
            ["original_0_en"] = "Jump to the main content",
        }, tokenFrom: page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, broken.StatusCode);
        Assert.Contains(Text("vi", "BackOffice.Dictionary.Error.Placeholders"), await broken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Jump to the main content", Service<SiteText>().In("en", key));

        // Someone else's save since the page was opened is not overwritten.
        var stale = await editor.PostAsync("/backoffice/settings/dictionary", new Dictionary<string, string>
        {
            ["count"] = "1",
            ["key_0"] = key,
            ["value_0_en"] = "My version",
            ["original_0_en"] = en,
            ["value_0_vi"] = vi,
            ["original_0_vi"] = vi,
        }, tokenFrom: page);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, stale.StatusCode);
        Assert.Contains(Text("vi", "BackOffice.Dictionary.Error.ChangedMeanwhile"), await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Jump to the main content", Service<SiteText>().In("en", key));
    }

    // ---- Users -----------------------------------------------------------------------------------------

    [Fact]
    public async Task CreateUser_WithAWeakPassword_IsRefusedWithIdentitysRuleInTheAdministratorsLanguage_ThenWithAGoodOne_CanSignIn()
    {
        var admin = await As(BackOfficeRoles.Administrator);
        const string page = "/backoffice/settings/users/new";
        Dictionary<string, string> Form(string password) => new()
        {
            ["Email"] = "new.editor@backoffice.test",
            ["DisplayName"] = "Biên tập viên mới",
            ["Password"] = password,
            ["Roles"] = BackOfficeRoles.Editor,
            ["UiCulture"] = "en",
        };

        var weak = await admin.PostAsync(page, Form("short1A"), tokenFrom: page);
        var weakHtml = await weak.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        // Identity's rule, in the administrator's language (Vietnamese).
        Assert.Contains($"<li>{Encoder.Encode("Mật khẩu phải có ít nhất 12 ký tự.")}</li>", weakHtml, StringComparison.Ordinal);
        Assert.Contains("value=\"new.editor@backoffice.test\"", weakHtml, StringComparison.Ordinal);
        Assert.DoesNotContain("short1A", weakHtml, StringComparison.Ordinal);

        var created = await admin.PostAsync(page, Form("Strong-Password-2026"), tokenFrom: page);

        Assert.Equal(HttpStatusCode.SeeOther, created.StatusCode);
        Assert.Contains(await AuditAsync(admin.Email, "UserCreated"), a => a.Details!.StartsWith("new.editor@backoffice.test", StringComparison.Ordinal));
        var newcomer = await BackOfficeSession.SignInWithAsync(site, "new.editor@backoffice.test", "Strong-Password-2026");
        Assert.Equal(HttpStatusCode.OK, (await newcomer.GetAsync("/backoffice/settings/redirects")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await newcomer.GetAsync("/backoffice/settings/users")).StatusCode);
    }

    [Fact]
    public async Task UserChanges_RolesStartNodeLock_AreAuditedAndApplied_AndAnAdministratorCannotDemoteThemselves()
    {
        var admin = await As(BackOfficeRoles.Administrator);
        await using var scope = site.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<BackOfficeUsers>();
        async Task<BackOfficeAccount> AccountAsync(string id)
        {
            await using var fresh = site.Services.CreateAsyncScope();
            return (await fresh.ServiceProvider.GetRequiredService<BackOfficeUsers>().GetAsync(id))!;
        }

        const string subject = "subject@backoffice.test";
        var (created, errors) = await users.CreateAsync(subject, "Subject", BackOfficeSession.Password, [BackOfficeRoles.Press]);
        Assert.True(created is not null, string.Join("; ", errors));
        var pressId = created.Id;
        var adminId = (await users.FindAsync(admin.Email))!.Id;
        var userPage = $"/backoffice/settings/users/{pressId}";
        var news = Service<PublishedSnapshotService>().Current.OfType("newsList").First().Key;

        var roles = await admin.PostAsync($"{userPage}/roles", [new("roles", BackOfficeRoles.Press), new("roles", BackOfficeRoles.Translator)], tokenFrom: userPage);
        var start = await admin.PostAsync($"{userPage}/start-node", new Dictionary<string, string> { ["startNode"] = news.ToString() }, tokenFrom: userPage);
        var badStart = await admin.PostAsync($"{userPage}/start-node", new Dictionary<string, string> { ["startNode"] = Guid.NewGuid().ToString() }, tokenFrom: userPage);
        var demote = await admin.PostAsync($"/backoffice/settings/users/{adminId}/roles", [new("roles", BackOfficeRoles.Editor)], tokenFrom: userPage);
        var lockSelf = await admin.PostAsync($"/backoffice/settings/users/{adminId}/lock", new Dictionary<string, string>(), tokenFrom: userPage);

        Assert.Equal(HttpStatusCode.SeeOther, roles.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, start.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badStart.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, demote.StatusCode);
        Assert.Contains(Text("vi", "BackOffice.Users.Error.OwnAccount"), await demote.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, lockSelf.StatusCode);
        var account = await AccountAsync(pressId);
        Assert.Equal([BackOfficeRoles.Press, BackOfficeRoles.Translator], account.Roles);
        Assert.Equal(news, account.StartNodeKey);
        Assert.Contains(BackOfficeRoles.Administrator, (await AccountAsync(adminId)).Roles);
        var audit = await AuditAsync(admin.Email, "UserChanged");
        Assert.Contains(audit, a => a.Details == $"{subject}: roles: Press, Translator");
        Assert.Contains(audit, a => a.Details == $"{subject}: start node: {news}");

        // Locked until unlocked; unlocked, the person signs in again.
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostAsync($"{userPage}/lock", new Dictionary<string, string>(), tokenFrom: userPage)).StatusCode);
        Assert.True((await AccountAsync(pressId)).Locked);
        var browser = BackOfficeSession.NewBrowser(site);
        var signInPage = await browser.GetStringAsync("/backoffice/sign-in");
        var signInToken = System.Net.WebUtility.HtmlDecode(Regex.Match(signInPage, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value);
        var whileLocked = await browser.PostAsync("/backoffice/sign-in", new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = subject, ["Password"] = BackOfficeSession.Password, ["__RequestVerificationToken"] = signInToken }));
        Assert.Equal(HttpStatusCode.BadRequest, whileLocked.StatusCode);
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostAsync($"{userPage}/unlock", new Dictionary<string, string>(), tokenFrom: userPage)).StatusCode);
        Assert.False((await AccountAsync(pressId)).Locked);
        await BackOfficeSession.SignInWithAsync(site, subject, BackOfficeSession.Password);
        Assert.Equal(HttpStatusCode.SeeOther, (await admin.PostAsync($"{userPage}/start-node", new Dictionary<string, string> { ["startNode"] = "" }, tokenFrom: userPage)).StatusCode);
        Assert.Null((await AccountAsync(pressId)).StartNodeKey);
    }

    // ---- Audit log -------------------------------------------------------------------------------------

    [Fact]
    public async Task AuditLog_FiltersByUserActionDocumentAndDay_AndKeepsEntriesOfDeletedDocuments()
    {
        var admin = await As(BackOfficeRoles.Administrator);
        var content = Service<IContentService>();
        var home = Service<PublishedSnapshotService>().Current.Home!.Id;
        var page = Ok(await content.CreateAsync(new CreateDocumentRequest("textPage", home, Cultures(("vi", new VariantInput("Trang để xóa", Values: Values(("body", "Nội dung.")))))), "audit.tester"));
        Ok(await content.MoveToRecycleBinAsync(page.Id, "audit.tester"));
        Assert.True((await content.DeleteAsync(page.Id, "audit.tester")).Succeeded);
        var today = CultureFormatter.ToSiteTime(DateTime.UtcNow).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        var (status, html) = await admin.PageAsync($"/backoffice/settings/audit?user=audit.tester&document={page.Id}&from={today}&to={today}");

        Assert.Equal(HttpStatusCode.OK, status);
        var rows = AuditRow().Matches(html).Select(m => m.Groups["user"].Value).ToList();
        Assert.True(rows.Count >= 2, html);
        Assert.All(rows, user => Assert.Equal("audit.tester", user));
        Assert.Contains($"<a href=\"/backoffice/content/{page.Id}/edit\">{page.Id}</a>", html, StringComparison.Ordinal);

        var (_, byAction) = await admin.PageAsync($"/backoffice/settings/audit?user=audit.tester&action=Delete");
        var deleted = AuditRow().Matches(byAction).ToList();
        Assert.NotEmpty(deleted);
        Assert.All(deleted, m => Assert.Equal("Delete", m.Groups["action"].Value));

        var (_, yesterday) = await admin.PageAsync($"/backoffice/settings/audit?user=audit.tester&to=2020-01-01");
        Assert.Empty(AuditRow().Matches(yesterday));
        var (badStatus, bad) = await admin.PageAsync("/backoffice/settings/audit?document=abc&from=31/12/2026&page=-4");
        Assert.Equal(HttpStatusCode.OK, badStatus);
        Assert.Contains(Text("vi", "BackOffice.Audit.BadDocument"), bad, StringComparison.Ordinal);
    }

    // ---- Search and health -----------------------------------------------------------------------------

    [Fact]
    public async Task SearchRebuild_ReportsItsProgressAsJson_UntilTheNewIndexIsLive()
    {
        var admin = await As(BackOfficeRoles.Administrator);
        await Service<Spcncl.Search.SearchIndex>().WhenRebuilt;
        const string page = "/backoffice/settings/search";
        var token = await admin.TokenAsync(page);
        using var request = new HttpRequestMessage(HttpMethod.Post, page + "/rebuild") { Content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]) };
        request.Headers.Accept.ParseAdd("application/json");

        var started = await admin.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal("application/json", started.Content.Headers.ContentType!.MediaType);
        var progress = JsonDocument.Parse(await started.Content.ReadAsStringAsync()).RootElement;
        Assert.True(progress.TryGetProperty("percent", out _));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (progress.GetProperty("rebuilding").GetBoolean() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            progress = JsonDocument.Parse(await admin.Client.GetStringAsync(page + "/progress")).RootElement;
            Assert.InRange(progress.GetProperty("percent").GetInt32(), 0, 100);
        }

        Assert.False(progress.GetProperty("rebuilding").GetBoolean());
        Assert.False(progress.GetProperty("failed").GetBoolean());
        Assert.Equal(100, progress.GetProperty("percent").GetInt32());
        Assert.Equal(progress.GetProperty("total").GetInt32(), progress.GetProperty("done").GetInt32());
        Assert.True(progress.GetProperty("documents").GetInt32() > 0);
        Assert.Contains(await AuditAsync(admin.Email, "SearchRebuild"), a => a.Details!.Contains("started", StringComparison.Ordinal));
        var (_, html) = await admin.PageAsync(page);
        Assert.Contains(Text("vi", "BackOffice.Search.Ready"), html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HealthPage_ChecksTheDatabase_TheIndex_AndTheSecurityHeadersOfItsOwnResponse()
    {
        var admin = await As(BackOfficeRoles.Administrator);

        var (status, html) = await admin.PageAsync("/backoffice/settings/health");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Text("vi", "BackOffice.Health.Database"), html, StringComparison.Ordinal);
        Assert.Matches(new Regex($"{Text("vi", "BackOffice.Health.State.Ok")}</span>\\s*<strong>{Format("vi", "BackOffice.Health.Header", "Content-Security-Policy")}</strong>"), html);
        Assert.Matches(new Regex($"{Text("vi", "BackOffice.Health.State.Ok")}</span>\\s*<strong>{Format("vi", "BackOffice.Health.Header", "X-Content-Type-Options")}</strong>"), html);
        Assert.Contains(Text("vi", "BackOffice.Health.SmtpConfigured.No"), html, StringComparison.Ordinal);
        Assert.Contains(Text("vi", "BackOffice.Health.HttpsRequest.No").Split('(')[0], html, StringComparison.Ordinal);
    }

    [GeneratedRegex("name=\"Stamp\" value=\"(-?\\d+)\"")]
    private static partial Regex StampPattern();

    [GeneratedRegex("<img src=\"/qr/certificate/[^\"]+\"")]
    private static partial Regex QrImage();

    [GeneratedRegex("<tr>\\s*<td><time[^>]*>[^<]*</time></td>\\s*<td>(?<user>[^<]*)</td>\\s*<td>(?<action>[^<]*)</td>")]
    private static partial Regex AuditRow();
}

/// <summary>The site for the back-office tests: a small import limit, so the 413 is cheap to reach.</summary>
public abstract class BackOfficeSiteFactory : SiteFactory
{
    public const long ImportLimit = 256 * 1024;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Site:Registry:MaxImportBytes", ImportLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class SqliteBackOfficeSiteFactory : BackOfficeSiteFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.Sqlite;
}

public sealed class PostgreSqlBackOfficeSiteFactory : BackOfficeSiteFactory
{
    public override DatabaseProvider Provider => DatabaseProvider.PostgreSql;
}

public sealed class SqliteBackOfficeOperationsTests(SqliteBackOfficeSiteFactory site) : BackOfficeOperationsTests(site), IClassFixture<SqliteBackOfficeSiteFactory>;

public sealed class PostgreSqlBackOfficeOperationsTests(PostgreSqlBackOfficeSiteFactory site) : BackOfficeOperationsTests(site), IClassFixture<PostgreSqlBackOfficeSiteFactory>;
