using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Spcncl.BackOffice;
using Spcncl.Content.Documents;
using Spcncl.Media;
using Spcncl.Persistence;
using Spcncl.Tests.Fixtures;
using static Spcncl.Tests.Fixtures.ContentValues;

namespace Spcncl.Tests.Integration;

/// <summary>
/// The back office's media library over HTTP, as press staff, editors and administrators use it: uploads (streamed,
/// by script or by a plain form), what is refused and why in the reader's language, describing, replacing, folders,
/// "used by", deleting, and who may do any of it.
/// </summary>
public sealed class MediaBackOfficeTests(MediaBackOfficeTests.Site site) : IClassFixture<MediaBackOfficeTests.Site>
{
    private const int UploadLimit = 1024 * 1024;

    /// <summary>The site with a 1 MB upload limit, so a test can exceed it cheaply.</summary>
    public sealed class Site : SiteFactory
    {
        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Site:Media:MaxUploadBytes", UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private MediaIndex Index => site.Services.GetRequiredService<MediaIndex>();

    private IContentService Content => site.Services.GetRequiredService<IContentService>();

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");

    private static async Task<JsonElement> JsonOf(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private async Task<MediaItem> UploadAsync(BackOfficeSession session, byte[] bytes, string fileName, string action = "/backoffice/media/upload")
    {
        var response = await session.UploadFilesAsync(action, "/backoffice/media", [(fileName, bytes)], asScript: true);
        var answer = await JsonOf(response);
        Assert.True(response.StatusCode == HttpStatusCode.OK, answer.ToString());
        var url = answer.GetProperty("files")[0].GetProperty("url").GetString()!;
        return Index.Get(url[(url.LastIndexOf('/') + 1)..])!;
    }

    [Fact]
    public async Task Upload_FromTheScript_StoresTheFileAndAnswersWhereItIs()
    {
        var press = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Press);
        var page = await press.GetAsync("/backoffice/media");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        var response = await press.UploadFilesAsync("/backoffice/media/upload", "/backoffice/media", [("Đèn LED chiếu sáng.jpg", TestImages.Jpeg(1200, 800, withGps: true))], asScript: true);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var file = (await JsonOf(response)).GetProperty("files")[0];
        Assert.True(file.GetProperty("ok").GetBoolean());
        Assert.Equal("Uploaded: open it", file.GetProperty("message").GetString());
        Assert.StartsWith("/media/", file.GetProperty("thumbnail").GetString(), StringComparison.Ordinal);
        var url = file.GetProperty("url").GetString()!;
        var item = Index.Get(url[(url.LastIndexOf('/') + 1)..])!;
        Assert.Equal(("Đèn LED chiếu sáng", "Đèn LED chiếu sáng.jpg", 1200, 800), (item.Name, item.FileName, item.Width, item.Height));
        Assert.Equal(HttpStatusCode.OK, (await press.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Upload_WithoutScript_TakesEveryChosenFile_ThenShowsTheFolder()
    {
        var editor = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Editor);
        var before = Index.Count;

        var response = await editor.UploadFilesAsync("/backoffice/media/upload", "/backoffice/media", [("a.jpg", TestImages.Jpeg(300, 200)), ("b.png", TestImages.Png(200, 200)), ("phieu-moi.pdf", Pdf)]);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/backoffice/media?saved=uploaded", response.Headers.Location!.OriginalString);
        Assert.Equal(before + 3, Index.Count);
        Assert.Contains("The files were uploaded.", await (await editor.GetAsync("/backoffice/media?saved=uploaded")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en", "The file is larger than the 1 MB allowed.")]
    [InlineData("vi", "Tệp lớn hơn mức tối đa 1 MB.")]
    public async Task Upload_LargerThanTheLimit_Answers413_WithAMessageInTheReadersLanguage(string language, string message)
    {
        var press = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Press, uiCulture: language);
        var before = Index.Count;
        var large = TestImages.Jpeg(400, 300).Concat(new byte[UploadLimit]).ToArray();

        var scripted = await press.UploadFilesAsync("/backoffice/media/upload", "/backoffice/media", [("large.jpg", large)], asScript: true);
        var plain = await press.UploadFilesAsync("/backoffice/media/upload", "/backoffice/media", [("large.jpg", large)]);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, scripted.StatusCode);
        Assert.Equal(message, (await JsonOf(scripted)).GetProperty("files")[0].GetProperty("message").GetString());
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, plain.StatusCode);
        Assert.Contains(message, WebUtility.HtmlDecode(await plain.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(before, Index.Count);
    }

    public static TheoryData<string, byte[], string, HttpStatusCode, string> RefusedFiles() => new()
    {
        { "an SVG", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "logo.svg", HttpStatusCode.UnsupportedMediaType, "SVG and XML files are not accepted" },
        { "an SVG renamed .png", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg/>"), "logo.png", HttpStatusCode.UnsupportedMediaType, "SVG and XML files are not accepted" },
        { "a PDF renamed .jpg", Pdf, "photo.jpg", HttpStatusCode.UnsupportedMediaType, "The file is really a PDF but its name ends in .jpg" },
        { "an executable renamed .png", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00], "logo.png", HttpStatusCode.UnsupportedMediaType, "This type of file is not accepted" },
        { "a PDF that is also a web page", Encoding.ASCII.GetBytes("%PDF-1.4\n<html><script>alert(1)</script>\n%%EOF\n"), "form.pdf", HttpStatusCode.UnprocessableEntity, "hides another kind of file" },
    };

    [Theory]
    [MemberData(nameof(RefusedFiles))]
    public async Task Upload_OfAFileThatIsNotWhatItClaims_IsRefusedByItsContent(string what, byte[] bytes, string fileName, HttpStatusCode status, string message)
    {
        var press = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Press);
        var before = Index.Count;

        var response = await press.UploadFilesAsync("/backoffice/media/upload", "/backoffice/media", [(fileName, bytes)], asScript: true);

        Assert.True(response.StatusCode == status, $"{what}: {(int)response.StatusCode}");
        Assert.Contains(message, (await JsonOf(response)).GetProperty("files")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(before, Index.Count);
    }

    [Fact]
    public async Task Upload_WithoutAValidAntiforgeryToken_IsRefused_AndNothingIsKept()
    {
        var press = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Press);
        var before = Index.Count;
        var image = TestImages.Jpeg(300, 200);

        var none = await press.UploadFilesAsync("/backoffice/media/upload", null, [("a.jpg", image)]);
        var noneScripted = await press.UploadFilesAsync("/backoffice/media/upload", null, [("a.jpg", image)], asScript: true);
        var tooLate = await press.UploadFilesAsync("/backoffice/media/upload", "/backoffice/media", [("a.jpg", image)], tokenAfterFiles: true);
        using var forged = new MultipartFormDataContent { { new StringContent("CfDJ8forged"), "__RequestVerificationToken" }, { new ByteArrayContent(image), "files", "a.jpg" } };
        var wrong = await press.Client.PostAsync("/backoffice/media/upload", forged);
        var describe = await press.PostAsync($"/backoffice/media/{Index.All.First().Key}/describe", new Dictionary<string, string> { ["name"] = "x" }, withToken: false);

        Assert.All([none, noneScripted, tooLate, wrong, describe], r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(before, Index.Count);
    }

    [Fact]
    public async Task Describe_SetsAltTextAndCaptionPerCulture_AndTheFocalPoint()
    {
        var press = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Press);
        var item = await UploadAsync(press, TestImages.Jpeg(800, 600), "den-led.jpg");

        var response = await press.PostAsync($"/backoffice/media/{item.Key}/describe", new Dictionary<string, string>
        {
            ["name"] = "Đèn LED",
            ["alt.vi"] = "Đèn LED Rạng Đông trên bàn",
            ["alt.en"] = "A Rang Dong LED lamp on a desk",
            ["caption.vi"] = "Sản phẩm đạt danh hiệu 2024",
            ["caption.en"] = "",
            ["focalX"] = "0.25",
            ["focalY"] = "0.75",
        }, $"/backoffice/media/{item.Key}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var described = Index.Get(item.Key)!;
        Assert.Equal("Đèn LED", described.Name);
        Assert.Equal(("Đèn LED Rạng Đông trên bàn", "A Rang Dong LED lamp on a desk"), (described.Alt("vi"), described.Alt("en")));
        Assert.Equal(("Sản phẩm đạt danh hiệu 2024", null), (described.CaptionIn("vi"), described.CaptionIn("en")));
        Assert.Equal((0.25, 0.75), (described.FocalX, described.FocalY));
        Assert.Equal(item.Version + 1, described.Version);
        var page = await (await press.GetAsync(response.Headers.Location!.OriginalString)).Content.ReadAsStringAsync();
        Assert.Contains("value=\"A Rang Dong LED lamp on a desk\"", page, StringComparison.Ordinal);
        Assert.Contains("value=\"0.25\"", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.5", "0.5")]
    [InlineData("-0.1", "0.5")]
    [InlineData("abc", "0.5")]
    [InlineData("0.5", "NaN")]
    public async Task Describe_WithAFocalPointOutsideThePicture_Is422_KeepingWhatWasTyped(string x, string y)
    {
        var press = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Press, uiCulture: "vi");
        var item = await UploadAsync(press, TestImages.Jpeg(400, 300), "focal.jpg");

        var response = await press.PostAsync($"/backoffice/media/{item.Key}/describe", new Dictionary<string, string>
        {
            ["alt.vi"] = "Ảnh đã gõ",
            ["focalX"] = x,
            ["focalY"] = y,
        }, $"/backoffice/media/{item.Key}");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var page = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Điểm trọng tâm phải nằm trong ảnh", page, StringComparison.Ordinal);
        Assert.Contains("value=\"Ảnh đã gõ\"", page, StringComparison.Ordinal);
        Assert.Equal(("", item.Version), (Index.Get(item.Key)!.Alt("vi"), Index.Get(item.Key)!.Version));
    }

    [Fact]
    public async Task Replace_KeepsTheKeyAndTexts_AndBumpsTheVersion_ButOnlyWithTheSameKindOfFile()
    {
        var editor = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Editor);
        var item = await UploadAsync(editor, TestImages.Jpeg(400, 300), "old.jpg");

        var replaced = await editor.UploadFilesAsync($"/backoffice/media/{item.Key}/replace", $"/backoffice/media/{item.Key}", [("new.png", TestImages.Png(300, 300))]);
        var wrongKind = await editor.UploadFilesAsync($"/backoffice/media/{item.Key}/replace", $"/backoffice/media/{item.Key}", [("form.pdf", Pdf)]);

        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        var current = Index.Get(item.Key)!;
        Assert.Equal((item.Version + 1, "image/png", 300, "new.png"), (current.Version, current.ContentType, current.Width, current.FileName));
        Assert.Equal(HttpStatusCode.MovedPermanently, (await site.Browser().GetAsync(MediaUrls.Original(item))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Browser().GetAsync(MediaUrls.Original(current))).StatusCode);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, wrongKind.StatusCode);
        Assert.Contains("can only be replaced by one of the same kind", WebUtility.HtmlDecode(await wrongKind.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(current.Version, Index.Get(item.Key)!.Version);
    }

    [Fact]
    public async Task Folders_AreCreatedRenamedAndBrowsed_WithTheirOwnFiles()
    {
        var press = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Press);
        var name = $"Hội chợ {Guid.NewGuid():N}"[..20];

        var created = await press.PostAsync("/backoffice/media/folders", new Dictionary<string, string> { ["name"] = name }, "/backoffice/media");
        var folderUrl = created.Headers.Location!.OriginalString.Split('?')[0];
        var folderId = folderUrl[(folderUrl.LastIndexOf('/') + 1)..];
        var item = await UploadAsync(press, TestImages.Jpeg(300, 200), "gian-hang.jpg", $"/backoffice/media/upload?folder={folderId}");
        var duplicate = await press.PostAsync("/backoffice/media/folders", new Dictionary<string, string> { ["name"] = name.ToUpperInvariant() }, "/backoffice/media");
        var duplicateText = WebUtility.HtmlDecode(await duplicate.Content.ReadAsStringAsync());
        var renamed = await press.PostAsync($"{folderUrl}/rename", new Dictionary<string, string> { ["name"] = name + " 2027" }, folderUrl);
        var inside = WebUtility.HtmlDecode(await (await press.GetAsync(folderUrl)).Content.ReadAsStringAsync());
        var top = WebUtility.HtmlDecode(await (await press.GetAsync("/backoffice/media")).Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(int.Parse(folderId, System.Globalization.CultureInfo.InvariantCulture), item.FolderId);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, duplicate.StatusCode);
        Assert.Contains($"There is already a folder called '{name}' here.", duplicateText, StringComparison.Ordinal);
        Assert.Contains($"value=\"{name.ToUpperInvariant()}\"", duplicateText, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        Assert.Contains($"<h1>{name} 2027</h1>", inside, StringComparison.Ordinal);
        Assert.Contains($"/backoffice/media/{item.Key}", inside, StringComparison.Ordinal);
        Assert.DoesNotContain($"/backoffice/media/{item.Key}", top, StringComparison.Ordinal);
        Assert.Contains($"{name} 2027</a>", top, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsedBy_ListsEveryDocumentThatRefersToTheFile_WithLinksToTheirEditors_AndDeleteIsRefusedUntilNoneDoes()
    {
        var editor = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Editor);
        var item = await UploadAsync(editor, TestImages.Jpeg(400, 300), "used.jpg");
        var enterprise = (await Content.GetAsync((await Content.ListAsync(["enterprise"])).OrderBy(d => d.Id).First().Id))!;
        var gallery = enterprise.Value("gallery") is { } existing ? existing.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
        var withImage = Ok(await Content.SaveAsync(new SaveDocumentRequest(enterprise.Id, enterprise.Revision, SharedValues: Values(("gallery", gallery.Append(item.Key.ToString()).ToArray()))), "test"));
        var contact = (await Content.GetAsync((await Content.ListAsync(["contactPage"]))[0].Id))!;
        var hours = Ok(await Content.SaveAsync(new SaveDocumentRequest(contact.Id, contact.Revision, Cultures(("en", new VariantInput(contact.Variant("en")!.Name, Values: Values(("officeHours", new[] { new { key = "Map", value = item.Key.ToString() } })))))), "test"));
        Ok(await Content.PublishAsync(contact.Id, ["en"], "test", hours.Revision));

        var page = WebUtility.HtmlDecode(await (await editor.GetAsync($"/backoffice/media/{item.Key}")).Content.ReadAsStringAsync());
        var refused = await editor.PostAsync($"/backoffice/media/{item.Key}/delete", new Dictionary<string, string>(), $"/backoffice/media/{item.Key}");
        var refusal = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());

        Assert.Contains($"href=\"/backoffice/content/{enterprise.Id}/edit\"", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/backoffice/content/{contact.Id}/edit\"", page, StringComparison.Ordinal);
        Assert.Contains("(both languages): draft", page, StringComparison.Ordinal);
        Assert.Contains("(EN): draft, published", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("This file is used by 2 documents, so it cannot be deleted.", refusal, StringComparison.Ordinal);
        Assert.Contains($"href=\"/backoffice/content/{enterprise.Id}/edit\"", refusal, StringComparison.Ordinal);
        Assert.NotNull(Index.Get(item.Key));

        Ok(await Content.SaveAsync(new SaveDocumentRequest(enterprise.Id, withImage.Revision, SharedValues: Values(("gallery", gallery.ToArray()))), "test"));
        var current = (await Content.GetAsync(contact.Id))!;
        var cleared = Ok(await Content.SaveAsync(new SaveDocumentRequest(contact.Id, current.Revision, Cultures(("en", new VariantInput(current.Variant("en")!.Name, Values: Values(("officeHours", null)))))), "test"));
        Ok(await Content.PublishAsync(contact.Id, ["en"], "test", cleared.Revision));
        var deleted = await editor.PostAsync($"/backoffice/media/{item.Key}/delete", new Dictionary<string, string>(), $"/backoffice/media/{item.Key}");

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Null(Index.Get(item.Key));
        Assert.Equal(HttpStatusCode.NotFound, (await site.Browser().GetAsync(MediaUrls.Original(item))).StatusCode);
    }

    public static TheoryData<string> MediaRoles() => [BackOfficeRoles.Administrator, BackOfficeRoles.Editor, BackOfficeRoles.Press];

    [Theory]
    [MemberData(nameof(MediaRoles))]
    public async Task AdministratorsEditorsAndPress_UseTheLibrary(string role)
    {
        var person = await BackOfficeSession.SignInAsync(site, role);

        var page = await person.GetAsync("/backoffice/media");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("href=\"/backoffice/media\" aria-current=\"page\"", await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public static TheoryData<string> OtherRoles() => [BackOfficeRoles.Translator, BackOfficeRoles.RegistryClerk];

    [Theory]
    [MemberData(nameof(OtherRoles))]
    public async Task TranslatorsAndRegistryClerks_AreRefusedEveryMediaAction_AndEachRefusalIsInTheAuditLog(string role)
    {
        var press = await BackOfficeSession.SignInAsync(site, BackOfficeRoles.Press);
        var item = await UploadAsync(press, TestImages.Jpeg(300, 200), "not-yours.jpg");
        var folder = await site.Services.GetRequiredService<MediaLibrary>().CreateFolderAsync($"Riêng {Guid.NewGuid():N}"[..14], null);
        var person = await BackOfficeSession.SignInAsync(site, role);
        var before = Index.Get(item.Key)!;

        var answers = new List<(string What, HttpResponseMessage Response)>
        {
            ("browse", await person.GetAsync("/backoffice/media")),
            ("open a folder", await person.GetAsync($"/backoffice/media/folders/{folder.Value!.Id}")),
            ("open a file", await person.GetAsync($"/backoffice/media/{item.Key}")),
            ("create a folder", await person.PostAsync("/backoffice/media/folders", new Dictionary<string, string> { ["name"] = "Của tôi" }, "/backoffice/account")),
            ("rename a folder", await person.PostAsync($"/backoffice/media/folders/{folder.Value.Id}/rename", new Dictionary<string, string> { ["name"] = "Đổi" }, "/backoffice/account")),
            ("upload", await person.UploadFilesAsync("/backoffice/media/upload", "/backoffice/account", [("x.jpg", TestImages.Jpeg(100, 100))])),
            ("upload by script", await person.UploadFilesAsync("/backoffice/media/upload", "/backoffice/account", [("x.jpg", TestImages.Jpeg(100, 100))], asScript: true)),
            ("describe", await person.PostAsync($"/backoffice/media/{item.Key}/describe", new Dictionary<string, string> { ["alt.vi"] = "Sửa", ["focalX"] = "0.1", ["focalY"] = "0.1" }, "/backoffice/account")),
            ("replace", await person.UploadFilesAsync($"/backoffice/media/{item.Key}/replace", "/backoffice/account", [("y.jpg", TestImages.Jpeg(100, 100))])),
            ("move", await person.PostAsync($"/backoffice/media/{item.Key}/move", new Dictionary<string, string> { ["folder"] = folder.Value.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/backoffice/account")),
            ("delete", await person.PostAsync($"/backoffice/media/{item.Key}/delete", new Dictionary<string, string>(), "/backoffice/account")),
        };

        Assert.All(answers, a => Assert.True(a.Response.StatusCode == HttpStatusCode.Forbidden, $"{role} may {a.What}: {(int)a.Response.StatusCode}"));
        Assert.Equal(before, Index.Get(item.Key));
        Assert.DoesNotContain("href=\"/backoffice/media\"", await (await person.GetAsync("/backoffice")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        await using var db = site.Services.GetRequiredService<SiteDbContextFactory>().CreateDbContext();
        var refusals = await db.AuditEntries.Where(e => e.UserName == person.Email && e.Action == "Refused").ToListAsync();
        Assert.Equal(answers.Count, refusals.Count);
        Assert.All(refusals, r => Assert.StartsWith("use the media library", r.Details, StringComparison.Ordinal));
    }

    [Fact]
    public async Task NobodySignedIn_IsSentToSignIn()
    {
        var response = await site.Browser().GetAsync("/backoffice/media");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/backoffice/sign-in", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
