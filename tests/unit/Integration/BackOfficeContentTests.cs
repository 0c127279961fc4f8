using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spcncl.BackOffice;
using Spcncl.Content.Documents;
using Spcncl.Persistence;
using Spcncl.Published;
using Spcncl.Tests.Fixtures;
using static Spcncl.Tests.Fixtures.ContentValues;

namespace Spcncl.Tests.Integration;

/// <summary>
/// The back office's content screens over HTTP, as each role uses them and as a crafted request would try them:
/// every refusal is decided on the server and recorded in the audit log; conflicts lose nothing; drafts preview;
/// scheduling runs on the site's clock. The same tests run on SQLite and on PostgreSQL.
/// </summary>
public abstract class BackOfficeContentTests(SiteFactory site) : IDisposable
{
    private PublishedSnapshot Snapshot => site.Services.GetRequiredService<PublishedSnapshotService>().Current;

    private IContentService Content => site.Services.GetRequiredService<IContentService>();

    public void Dispose()
    {
        site.Clock.Reset();
        GC.SuppressFinalize(this);
    }

    private async Task<Document> NewTextPageAsync(string name, string summary = "Tóm tắt", bool publish = true)
    {
        var created = Ok(await Content.CreateAsync(new CreateDocumentRequest("textPage", Snapshot.Home!.Id, Cultures(("vi", new VariantInput(name, Values: Values(("summary", summary), ("body", "Nội dung.")))))), "test"));
        return publish ? Ok(await Content.PublishAsync(created.Id, ["vi"], "test")) : created;
    }

    private async Task<int> RefusalsAsync(string email)
    {
        await using var db = site.Services.GetRequiredService<SiteDbContextFactory>().CreateDbContext();
        return await db.AuditEntries.CountAsync(a => a.UserName == email && a.Action == "Refused");
    }

    /// <summary>The editor's own form as it stands, with some fields changed and a button pressed.</summary>
    private static async Task<HttpResponseMessage> SubmitEditorAsync(BackOfficeSession session, string editor, string action, Dictionary<string, string> changes)
    {
        var html = await session.Client.GetStringAsync(editor);
        var fields = BackOfficeSession.FormFields(html, editor).Where(f => !changes.ContainsKey(f.Key)).ToList();
        fields.AddRange(changes.Select(c => KeyValuePair.Create(c.Key, c.Value)));
        fields.Add(new("action", action));
        fields.Add(new("__RequestVerificationToken", BackOfficeSession.Token(html)!));
        return await session.Client.PostAsync(editor, new FormUrlEncodedContent(fields));
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_AndTheCookieIsHttpOnlyStrictAndLimitedToTheBackOffice()
    {
        var anonymous = site.Browser();
        var response = await anonymous.GetAsync("/backoffice/content");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("http://localhost/backoffice/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);

        var session = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Editor);
        var page = await session.Client.GetAsync("/backoffice");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.True(page.Headers.CacheControl!.NoStore);

        using var raw = site.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var signInPage = await raw.GetAsync("/backoffice/sign-in");
        var cookies = signInPage.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]);
        var token = BackOfficeSession.Token(await signInPage.Content.ReadAsStringAsync())!;
        using var post = new HttpRequestMessage(HttpMethod.Post, "/backoffice/sign-in")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["Email"] = session.Email, ["Password"] = BackOfficeSession.Password, ["__RequestVerificationToken"] = token, ["ReturnUrl"] = "https://evil.example/" }),
        };
        post.Headers.Add("Cookie", string.Join("; ", cookies));
        var signedIn = await raw.SendAsync(post);
        var authCookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("spcncl.bo=", StringComparison.Ordinal)).ToLowerInvariant();
        Assert.Contains("httponly", authCookie, StringComparison.Ordinal);
        Assert.Contains("samesite=strict", authCookie, StringComparison.Ordinal);
        Assert.Contains("path=/backoffice", authCookie, StringComparison.Ordinal);
        Assert.Equal("/backoffice", signedIn.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task FiveWrongPasswords_LockTheAccount_SoEvenTheRightOneIsRefused()
    {
        var email = $"lockout-{Guid.NewGuid():N}@test.example";
        await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Editor, email: email);
        var browser = BackOfficeSession.NotSignedIn(site, email);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await browser.PostFormAsync("/backoffice/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = "Wrong-Password-1" });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }

        var right = await browser.PostFormAsync("/backoffice/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = BackOfficeSession.Password });
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("Tài khoản bị khóa mười lăm phút", System.Net.WebUtility.HtmlDecode(await right.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoFactor_AskForTheAuthenticatorCode_AndARecoveryCodeWorksOnce()
    {
        var email = $"totp-{Guid.NewGuid():N}@test.example";
        var session = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Editor, email: email);

        // Set-up from the account screen: a key shown as text and as a QR code, confirmed by a code from it.
        Assert.Equal(HttpStatusCode.Redirect, (await session.PostFormAsync("/backoffice/account", [], "/backoffice/account/two-factor/start")).StatusCode);
        var account = System.Net.WebUtility.HtmlDecode(await session.Client.GetStringAsync("/backoffice/account"));
        Assert.Contains("data:image/svg+xml;base64,", account, StringComparison.Ordinal);
        var key = System.Text.RegularExpressions.Regex.Match(account, "<code class=\"bo-key\">([a-z2-7 ]+)</code>").Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant();
        var bad = await session.PostFormAsync("/backoffice/account", new Dictionary<string, string> { ["code"] = "000000" }, "/backoffice/account/two-factor/confirm");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var confirmed = await session.PostFormAsync("/backoffice/account", new Dictionary<string, string> { ["code"] = Totp.Code(key, DateTimeOffset.UtcNow) }, "/backoffice/account/two-factor/confirm");
        var codes = System.Text.RegularExpressions.Regex.Matches(await confirmed.Content.ReadAsStringAsync(), "<li><code>([^<]+)</code></li>").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);

        // Signing in now takes the password, then the code.
        var browser = BackOfficeSession.NotSignedIn(site, email);
        var password = await browser.PostFormAsync("/backoffice/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = BackOfficeSession.Password });
        Assert.StartsWith("/backoffice/sign-in/two-factor", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.Client.GetAsync("/backoffice/content")).StatusCode);
        var wrong = await browser.PostFormAsync("/backoffice/sign-in/two-factor", new Dictionary<string, string> { ["Code"] = "123456" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        var right = await browser.PostFormAsync("/backoffice/sign-in/two-factor", new Dictionary<string, string> { ["Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/backoffice", right.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/backoffice/content")).StatusCode);

        // A recovery code instead of the app: once only.
        foreach (var expected in new[] { HttpStatusCode.Redirect, HttpStatusCode.BadRequest })
        {
            var other = BackOfficeSession.NotSignedIn(site, email);
            await other.PostFormAsync("/backoffice/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = BackOfficeSession.Password });
            var recovered = await other.PostFormAsync("/backoffice/sign-in/two-factor", new Dictionary<string, string> { ["Code"] = codes[0], ["UseRecoveryCode"] = "true" });
            Assert.Equal(expected, recovered.StatusCode);
        }
    }

    public static TheoryData<string, string, bool> EditorMatrix => new()
    {
        // role, what the form changes, allowed
        { BackOfficeRoles.Administrator, "vi", true }, { BackOfficeRoles.Administrator, "en", true }, { BackOfficeRoles.Administrator, "shared", true },
        { BackOfficeRoles.Editor, "vi", true }, { BackOfficeRoles.Editor, "en", true }, { BackOfficeRoles.Editor, "shared", true },
        { BackOfficeRoles.Translator, "vi", false }, { BackOfficeRoles.Translator, "en", true }, { BackOfficeRoles.Translator, "shared", false },
        { BackOfficeRoles.Press, "vi", false }, { BackOfficeRoles.Press, "en", false }, { BackOfficeRoles.Press, "shared", false },
        { BackOfficeRoles.RegistryClerk, "vi", false }, { BackOfficeRoles.RegistryClerk, "en", false }, { BackOfficeRoles.RegistryClerk, "shared", false },
    };

    /// <summary>
    /// A text page (not press material), edited by crafted posts: each role may change exactly the cultures and shared
    /// values its role allows, and a refused post changes nothing and is audited.
    /// </summary>
    [Theory]
    [MemberData(nameof(EditorMatrix))]
    public async Task SavingATextPage_IsAllowedOrRefused_ByRoleAndCulture(string role, string part, bool allowed)
    {
        var page = await NewTextPageAsync($"Trang thử {Guid.NewGuid():N}");
        var session = await BackOfficeSession.SignInAsync(site, role);
        var before = await RefusalsAsync(session.Email);
        var fields = new List<KeyValuePair<string, string>> { new("revision", page.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("action", "save") };
        fields.AddRange(part switch
        {
            "shared" => [new("shared.present", "1"), new("shared.hideFromNavigation.present", "1"), new("shared.hideFromNavigation", "true")],
            _ => [new($"{part}.name", $"Đổi tên {part}"), new($"{part}.p.summary", $"Sửa {part}"), new($"{part}.p.body", $"Nội dung {part}.")],
        });

        var response = await session.PostFormAsync("/backoffice/content", fields, $"/backoffice/content/{page.Id}/edit");
        var stored = (await Content.GetAsync(page.Id))!;

        if (allowed)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal(page.Revision + 1, stored.Revision);
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(page.Revision, stored.Revision);
            Assert.Equal(before + 1, await RefusalsAsync(session.Email));
        }
    }

    public static TheoryData<string, string, string, bool> ActionMatrix => new()
    {
        // role, action, culture, allowed (on a news article: press material)
        { BackOfficeRoles.Editor, "publish", "vi", true }, { BackOfficeRoles.Editor, "publish", "en", true },
        { BackOfficeRoles.Press, "publish", "vi", true }, { BackOfficeRoles.Press, "publish", "en", true },
        { BackOfficeRoles.Translator, "publish", "en", false }, { BackOfficeRoles.Translator, "publish", "vi", false },
        { BackOfficeRoles.RegistryClerk, "publish", "vi", false },
        { BackOfficeRoles.Editor, "unpublish", "en", true }, { BackOfficeRoles.Press, "unpublish", "en", true }, { BackOfficeRoles.Translator, "unpublish", "en", false },
        { BackOfficeRoles.Editor, "delete", "", true }, { BackOfficeRoles.Press, "delete", "", true }, { BackOfficeRoles.Translator, "delete", "", false }, { BackOfficeRoles.RegistryClerk, "delete", "", false },
        { BackOfficeRoles.Editor, "history", "", true }, { BackOfficeRoles.Translator, "history", "", true }, { BackOfficeRoles.RegistryClerk, "history", "", false },
        { BackOfficeRoles.Editor, "preview", "en", true }, { BackOfficeRoles.Translator, "preview", "en", true }, { BackOfficeRoles.RegistryClerk, "preview", "en", false },
    };

    [Theory]
    [MemberData(nameof(ActionMatrix))]
    public async Task ActionsOnANewsArticle_AreAllowedOrRefused_ByRole(string role, string action, string culture, bool allowed)
    {
        var news = Snapshot.OfType("newsList").Single();
        var article = Ok(await Content.CreateAsync(new CreateDocumentRequest("newsArticle", news.Id,
            Cultures(("vi", new VariantInput($"Tin thử {Guid.NewGuid():N}", Values: Values(("summary", "Tóm tắt")))), ("en", new VariantInput($"Test news {Guid.NewGuid():N}", Values: Values(("summary", "Summary"))))),
            Values(("publishDate", "2026-11-30T09:00+07:00"), ("category", "news"))), "test"));
        if (action == "unpublish" || (action == "publish" && culture == "en"))
        {
            article = Ok(await Content.PublishAsync(article.Id, action == "unpublish" ? ["vi", "en"] : ["vi"], "test"));
        }

        var session = await BackOfficeSession.SignInAsync(site, role);
        var before = await RefusalsAsync(session.Email);
        var editor = $"/backoffice/content/{article.Id}/edit";
        var response = action switch
        {
            "publish" or "unpublish" => await session.PostFormAsync("/backoffice/content", [new("revision", article.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("action", action), new("publish", culture)], editor),
            "delete" => await session.PostFormAsync("/backoffice/content", [], $"/backoffice/content/{article.Id}/delete"),
            "history" => await session.Client.GetAsync($"/backoffice/content/{article.Id}/history"),
            _ => await session.Client.GetAsync($"/backoffice/content/{article.Id}/preview/{culture}"),
        };

        if (allowed)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{role} {action} {culture}: {(int)response.StatusCode}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal(before + 1, await RefusalsAsync(session.Email));
        }

        var stored = (await Content.GetAsync(article.Id))!;
        Assert.Equal(allowed && action == "delete", stored.Trashed);
        if (action == "publish")
        {
            Assert.Equal(allowed, stored.IsPublished(culture));
        }
    }

    [Fact]
    public async Task PressStaff_CreateNews_ButNotTextPages_AndAStartNodeKeepsAnEditorInItsSubtree()
    {
        var news = Snapshot.OfType("newsList").Single();
        var press = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Press);
        Assert.Equal(HttpStatusCode.OK, (await press.Client.GetAsync($"/backoffice/content/create?parent={news.Id}&type=newsArticle")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await press.Client.GetAsync($"/backoffice/content/create?parent={Snapshot.Home!.Id}&type=textPage")).StatusCode);

        var events = Snapshot.OfType("eventList").Single();
        var scoped = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Editor, startNode: events.Key);
        Assert.Equal(HttpStatusCode.OK, (await scoped.Client.GetAsync($"/backoffice/content/{events.Id}")).StatusCode);
        var anEvent = Snapshot.Children(events).First();
        Assert.Equal(HttpStatusCode.OK, (await scoped.Client.GetAsync($"/backoffice/content/{anEvent.Id}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await scoped.Client.GetAsync($"/backoffice/content/{news.Id}/edit")).StatusCode);
        var outside = await scoped.PostFormAsync("/backoffice/content", [new("revision", "1"), new("action", "save"), new("vi.name", "Ngoài phạm vi")], $"/backoffice/content/{Snapshot.Home!.Id}/edit");
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
    }

    [Fact]
    public async Task APostWithoutItsToken_IsRefused_AndNothingIsSaved()
    {
        var page = await NewTextPageAsync($"Trang chống giả mạo {Guid.NewGuid():N}");
        var editor = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Editor);

        var response = await editor.PostFormAsync("/backoffice/content", [new("revision", page.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("action", "save"), new("vi.name", "Đổi tên trái phép")], $"/backoffice/content/{page.Id}/edit", withToken: false);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(page.Revision, (await Content.GetAsync(page.Id))!.Revision);
    }

    [Fact]
    public async Task TwoEditorsSavingTheSameRevision_TheSecondGetsTheConflict_WithWhatChanged_AndKeepsTheirText()
    {
        var page = await NewTextPageAsync($"Trang xung đột {Guid.NewGuid():N}");
        var first = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Editor);
        var second = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Administrator);
        var editor = $"/backoffice/content/{page.Id}/edit";
        var secondForm = await second.Client.GetStringAsync(editor);

        Assert.Equal(HttpStatusCode.Redirect, (await SubmitEditorAsync(first, editor, "save", new() { ["vi.p.summary"] = "Bản của người thứ nhất" })).StatusCode);

        var fields = BackOfficeSession.FormFields(secondForm, editor).Where(f => f.Key != "vi.p.summary").ToList();
        fields.AddRange([new("vi.p.summary", "Bản của người thứ hai"), new("action", "save"), new("__RequestVerificationToken", BackOfficeSession.Token(secondForm)!)]);
        var conflict = await second.Client.PostAsync(editor, new FormUrlEncodedContent(fields));
        var html = System.Net.WebUtility.HtmlDecode(await conflict.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Conflict, conflict.StatusCode);
        Assert.Contains(first.Email, html, StringComparison.Ordinal);
        Assert.Contains("Bản của người thứ nhất", html, StringComparison.Ordinal);
        Assert.Contains(">Bản của người thứ hai</textarea>", html, StringComparison.Ordinal);
        Assert.Equal("Bản của người thứ nhất", (await Content.GetAsync(page.Id))!.Value("summary", "vi")!.Value.GetString());
    }

    [Fact]
    public async Task AnInvalidValue_IsRefusedWithItsMessageByTheField_AndTheTypedTextKept()
    {
        var page = await NewTextPageAsync($"Trang lỗi {Guid.NewGuid():N}");
        var editor = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Editor);
        var long400 = new string('x', 400);

        var response = await SubmitEditorAsync(editor, $"/backoffice/content/{page.Id}/edit", "save", new() { ["vi.p.summary"] = long400, ["en.name"] = "", ["en.p.summary"] = "English summary only" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("id=\"vi-p-summary-error\">At most 300 characters.</p>", html, StringComparison.Ordinal);
        Assert.Contains($">{long400}</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("id=\"en-name-error\"", html, StringComparison.Ordinal);
        Assert.Contains(">English summary only</textarea>", html, StringComparison.Ordinal);
        Assert.Equal(page.Revision, (await Content.GetAsync(page.Id))!.Revision);
    }

    [Fact]
    public async Task APickedValueTheEditorNeverOffered_IsRefusedByItsField_Audited_AndNothingSaved()
    {
        var article = Snapshot.OfType("newsArticle").First();
        var editor = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Editor);
        var before = await RefusalsAsync(editor.Email);
        var revision = (await Content.GetAsync(article.Id))!.Revision;

        var response = await SubmitEditorAsync(editor, $"/backoffice/content/{article.Id}/edit", "save", new() { ["shared.coverImage"] = Guid.NewGuid().ToString(), ["shared.category"] = "gossip" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Contains("id=\"shared-coverImage-error\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"shared-category-error\"", html, StringComparison.Ordinal);
        Assert.Equal(revision, (await Content.GetAsync(article.Id))!.Revision);
        Assert.Equal(before + 1, await RefusalsAsync(editor.Email));
    }

    [Fact]
    public async Task PublishingFromTheEditor_PutsThePageOnTheSite_AndRollbackBringsBackAnOldVersion()
    {
        var page = await NewTextPageAsync($"Trang xuất bản {Guid.NewGuid():N}", "Phiên bản đầu");
        var editor = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Editor);
        var edit = $"/backoffice/content/{page.Id}/edit";

        var published = await SubmitEditorAsync(editor, edit, "publish", new() { ["vi.p.summary"] = "Phiên bản thứ hai", ["en.name"] = "Published page", ["en.p.summary"] = "Second version", ["en.p.body"] = "Body.", ["publish"] = "en" });
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var url = Snapshot.In(Snapshot.Get(page.Id)!, "en")!.Url!;
        Assert.Contains("Second version", await site.Browser().GetStringAsync(url), StringComparison.Ordinal);

        var versions = await Content.GetVersionsAsync(page.Id);
        var first = versions[^1];
        var compare = await editor.Client.GetStringAsync($"/backoffice/content/{page.Id}/history/{first.Id}");
        Assert.Contains("Phiên bản đầu", System.Net.WebUtility.HtmlDecode(compare), StringComparison.Ordinal);
        var current = (await Content.GetAsync(page.Id))!;
        var rollback = await editor.PostFormAsync($"/backoffice/content/{page.Id}/history/{first.Id}", [new("revision", current.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture))], $"/backoffice/content/{page.Id}/history/{first.Id}/rollback");
        Assert.Equal(HttpStatusCode.Redirect, rollback.StatusCode);
        Assert.Equal("Phiên bản đầu", (await Content.GetAsync(page.Id))!.Value("summary", "vi")!.Value.GetString());
    }

    [Fact]
    public async Task ThePreview_ShowsTheDraftInTheSiteLayout_ToSignedInPeopleOnly_NeverCached()
    {
        var page = await NewTextPageAsync($"Trang xem trước {Guid.NewGuid():N}", "Đã xuất bản");
        Ok(await Content.SaveAsync(new SaveDocumentRequest(page.Id, page.Revision, Cultures(("vi", new VariantInput(page.Variant("vi")!.Name, Values: Values(("summary", "Bản nháp chưa xuất bản")))))), "test"));
        var editor = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Editor);

        var preview = await editor.Client.GetAsync($"/backoffice/content/{page.Id}/preview/vi");
        var html = await preview.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("Bản nháp chưa xuất bản", html, StringComparison.Ordinal);
        Assert.Contains("class=\"preview-banner\"", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
        Assert.True(preview.Headers.CacheControl!.NoStore);

        Assert.DoesNotContain("Bản nháp chưa xuất bản", await site.Browser().GetStringAsync(Snapshot.In(Snapshot.Get(page.Id)!, "vi")!.Url!), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await site.Browser().GetAsync($"/backoffice/content/{page.Id}/preview/vi")).StatusCode);
    }

    [Fact]
    public async Task AScheduledPublish_RunsWhenTheClockReachesIt_AndAScheduledUnpublishToo()
    {
        var start = new DateTimeOffset(2027, 1, 10, 8, 0, 0, TimeSpan.FromHours(7));
        site.Clock.Set(start);
        var page = await NewTextPageAsync($"Trang hẹn giờ {Guid.NewGuid():N}", publish: false);
        var editor = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Editor);
        var scheduler = site.Services.GetRequiredService<ScheduledPublishing>();

        var scheduled = await editor.PostFormAsync("/backoffice/content", [new("revision", page.Revision.ToString(System.Globalization.CultureInfo.InvariantCulture)), new("action", "schedule"), new("publish", "vi"), new("scheduleKind", "publish"), new("scheduleAt", "2027-01-10T09:30")], $"/backoffice/content/{page.Id}/edit");
        Assert.Equal(HttpStatusCode.Redirect, scheduled.StatusCode);
        Assert.Contains("10 January 2027, 09:30", System.Net.WebUtility.HtmlDecode(await editor.Client.GetStringAsync($"/backoffice/content/{page.Id}/edit")), StringComparison.Ordinal);

        await scheduler.RunDueAsync();
        Assert.False((await Content.GetAsync(page.Id))!.IsPublished("vi"));

        site.Clock.Set(start.AddMinutes(91));
        Assert.Equal(1, await scheduler.RunDueAsync());
        Assert.True((await Content.GetAsync(page.Id))!.IsPublished("vi"));

        await scheduler.ScheduleAsync(page.Id, ScheduledKind.Unpublish, ["vi"], start.AddHours(3), editor.Email);
        site.Clock.Set(start.AddHours(3).AddMinutes(1));
        await scheduler.RunDueAsync();
        Assert.False((await Content.GetAsync(page.Id))!.IsPublished("vi"));
    }

    [Fact]
    public async Task MarkupInANameOrAField_IsShownAsText_InTheBackOfficeAndOnTheSite()
    {
        const string Hostile = "<script>alert(1)</script><img src=x onerror=alert(2)>\"><svg onload=alert(3)>";
        var page = await NewTextPageAsync(Hostile + " Tên", Hostile);
        var editor = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Editor);
        var url = Snapshot.In(Snapshot.Get(page.Id)!, "vi")!.Url!;

        foreach (var screen in new[] { $"/backoffice/content/{Snapshot.Home!.Id}", $"/backoffice/content/{page.Id}/edit", $"/backoffice/content/{page.Id}/history", "/backoffice/translations", "/backoffice" })
        {
            var html = await editor.Client.GetStringAsync(screen);
            Assert.Empty(Html.LiveMarkup(html));
        }

        Assert.Empty(Html.LiveMarkup(await site.Browser().GetStringAsync(url)));
        Assert.Empty(Html.LiveMarkup(await site.Browser().GetStringAsync("/vi/")));
    }

    [Fact]
    public async Task TheTranslationDashboard_ListsWhatIsMissingAndWhatIsOutdated()
    {
        var missing = await NewTextPageAsync($"Chưa dịch {Guid.NewGuid():N}");
        var outdated = Ok(await Content.CreateAsync(new CreateDocumentRequest("textPage", Snapshot.Home!.Id, Cultures(("vi", new VariantInput($"Đã dịch {Guid.NewGuid():N}", Values: Values(("body", "Nội dung.")))), ("en", new VariantInput($"Translated {Guid.NewGuid():N}", Values: Values(("body", "Text.")))))), "test"));
        await Task.Delay(20);
        Ok(await Content.SaveAsync(new SaveDocumentRequest(outdated.Id, outdated.Revision, Cultures(("vi", new VariantInput(outdated.Variant("vi")!.Name, Values: Values(("summary", "Sửa sau khi dịch")))))), "test"));
        var translator = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Translator);

        var html = await translator.Client.GetStringAsync("/backoffice/translations");
        var missingSection = html[html.IndexOf("id=\"missing\"", StringComparison.Ordinal)..html.IndexOf("id=\"outdated\"", StringComparison.Ordinal)];
        var outdatedSection = html[html.IndexOf("id=\"outdated\"", StringComparison.Ordinal)..];

        Assert.Contains($"/backoffice/content/{missing.Id}/edit", missingSection, StringComparison.Ordinal);
        Assert.Contains($"/backoffice/content/{outdated.Id}/edit", outdatedSection, StringComparison.Ordinal);
        var editor = await translator.Client.GetStringAsync($"/backoffice/content/{outdated.Id}/edit");
        Assert.Contains("class=\"bo-changed\"", editor, StringComparison.Ordinal);
    }
}

/// <summary>Authenticator-app codes (RFC 6238: HMAC-SHA1, 30-second steps, six digits), as a phone would show them.</summary>
public static class Totp
{
    public static string Code(string base32Key, DateTimeOffset now)
    {
        var key = Base32(base32Key);
        var step = now.ToUnixTimeSeconds() / 30;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

#pragma warning disable CA5350 // authenticator apps use HMAC-SHA1 (RFC 6238); this computes what they show
        using var hmac = new System.Security.Cryptography.HMACSHA1(key);
#pragma warning restore CA5350
        var hash = hmac.ComputeHash(counter);
        var offset = hash[^1] & 0x0f;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] Base32(string text)
    {
        const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var value = 0;
        var output = new List<byte>();
        foreach (var c in text.TrimEnd('='))
        {
            value = (value << 5) | Alphabet.IndexOf(c, StringComparison.Ordinal);
            bits += 5;
            if (bits >= 8)
            {
                output.Add((byte)(value >> (bits - 8)));
                bits -= 8;
            }
        }

        return [.. output];
    }
}

public sealed class SqliteBackOfficeContentTests(SqliteSiteFactory site) : BackOfficeContentTests(site), IClassFixture<SqliteSiteFactory>;

public sealed class PostgreSqlBackOfficeContentTests(PostgreSqlSiteFactory site) : BackOfficeContentTests(site), IClassFixture<PostgreSqlSiteFactory>;
