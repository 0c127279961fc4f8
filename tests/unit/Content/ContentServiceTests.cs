using System.Text.Json;
using Spcncl.Content.Documents;
using Spcncl.Tests.Fixtures;
using static Spcncl.Tests.Fixtures.ContentValues;

namespace Spcncl.Tests.Content;

/// <summary>
/// What editors rely on: per-culture publishing, validation that names the property and culture, versions and
/// rollback, refusal of stale saves, and the recycle bin. Runs the real services over a throwaway SQLite database
/// initialised from the repository's uSync folder.
/// </summary>
public sealed class ContentServiceTests : IAsyncLifetime
{
    private const string Editor = "editor@test";
    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private IContentService Content => _engine.Content;

    private int Home => _engine.IdOf("home");

    private Task<ContentAttempt<Document>> CreatePageAsync(string viName, string? enName = null, string body = "Nội dung.", int? parentId = null)
    {
        var cultures = Cultures(("vi", new VariantInput(viName, Values: Values(("body", body)))));
        if (enName is not null)
        {
            cultures["en"] = new VariantInput(enName, Values: Values(("body", "Body.")));
        }

        return Content.CreateAsync(new CreateDocumentRequest("textPage", parentId ?? Home, cultures), Editor);
    }

    [Fact]
    public async Task Create_WithoutVietnamese_IsRefusedAsCultureRequired()
    {
        var result = await Content.CreateAsync(
            new CreateDocumentRequest("textPage", Home, Cultures(("en", new VariantInput("Only English", Values: Values(("body", "Text.")))))),
            Editor);

        Assert.Equal(ContentStatus.CultureRequired, result.Status);
        Assert.Equal("vi", Assert.Single(result.Errors).Culture);
    }

    [Fact]
    public async Task Create_MissingMandatoryValue_NamesThePropertyAndCulture()
    {
        var result = await Content.CreateAsync(
            new CreateDocumentRequest("textPage", Home, Cultures(
                ("vi", new VariantInput("Trang mới", Values: Values(("body", "Có nội dung.")))),
                ("en", new VariantInput("New page")))),
            Editor);

        Assert.Equal(ContentStatus.ValidationFailed, result.Status);
        var error = Assert.Single(result.Errors);
        Assert.Equal(("body", "en", "required"), (error.Property, error.Culture, error.Code));
    }

    [Fact]
    public async Task Create_InvalidValues_AreEachNamed()
    {
        var sectors = _engine.IdOf("sectorList");
        var result = await Content.CreateAsync(
            new CreateDocumentRequest("sector", sectors, Cultures(("vi", new VariantInput("Ngành thử", Values: Values(("summary", new string('x', 301)))))), Values(("code", "Not A Code"))),
            Editor);

        Assert.Equal(ContentStatus.ValidationFailed, result.Status);
        Assert.Contains(result.Errors, e => e is { Property: "summary", Culture: "vi", Code: "maxLength" });
        var pattern = Assert.Single(result.Errors, e => e.Property == "code");
        Assert.Null(pattern.Culture);
        Assert.Contains("lower-case", pattern.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownPropertyOrWrongVariance_IsRefused()
    {
        var result = await Content.CreateAsync(
            new CreateDocumentRequest("textPage", Home, Cultures(("vi", new VariantInput("Trang", Values: Values(("body", "x"), ("hideFromNavigation", true), ("colour", "red")))))),
            Editor);

        Assert.Equal(ContentStatus.ValidationFailed, result.Status);
        Assert.Contains(result.Errors, e => e is { Property: "hideFromNavigation", Code: "shared" });
        Assert.Contains(result.Errors, e => e is { Property: "colour", Code: "unknownProperty" });
    }

    [Fact]
    public async Task Create_TypeNotAllowedUnderParent_IsRefused()
    {
        var result = await Content.CreateAsync(
            new CreateDocumentRequest("sector", Home, Cultures(("vi", new VariantInput("Ngành", Values: Values(("summary", "Tóm tắt."))))), Values(("code", "test"))),
            Editor);

        Assert.Equal(ContentStatus.NotAllowed, result.Status);
    }

    [Fact]
    public async Task Create_DerivesUniqueSegmentsAmongSiblings()
    {
        var first = Ok(await CreatePageAsync("Sản phẩm Đồ gỗ"));
        var second = Ok(await CreatePageAsync("Sản phẩm đồ gỗ"));

        Assert.Equal("san-pham-do-go", first.Variant("vi")!.UrlSegment);
        Assert.Equal("san-pham-do-go-2", second.Variant("vi")!.UrlSegment);
    }

    [Fact]
    public async Task Create_ChosenSegmentAlreadyUsed_IsRefused()
    {
        var result = await Content.CreateAsync(
            new CreateDocumentRequest("textPage", Home, Cultures(("vi", new VariantInput("Khác", "gioi-thieu", Values(("body", "x")))))),
            Editor);

        Assert.Equal(ContentStatus.ValidationFailed, result.Status);
        Assert.Contains(result.Errors, e => e is { Property: "segment", Culture: "vi", Code: "segmentTaken" });
    }

    [Fact]
    public async Task PublishEnglish_LeavesThePublishedVietnameseUntouched()
    {
        var page = Ok(await CreatePageAsync("Tin tức", "News"));
        Ok(await Content.PublishAsync(page.Id, ["vi"], Editor));
        var published = _engine.Snapshot.Get(page.Id)!;
        var viBefore = published.Variants["vi"];

        // Both drafts change; only English is published.
        var saved = Ok(await Content.SaveAsync(
            new SaveDocumentRequest(page.Id, (await Content.GetAsync(page.Id))!.Revision, Cultures(
                ("vi", new VariantInput("Tin tức mới", Values: Values(("body", "Bản nháp tiếng Việt.")))),
                ("en", new VariantInput("News", Values: Values(("body", "English body."))))), Values(("hideFromNavigation", true))),
            Editor));
        Ok(await Content.PublishAsync(page.Id, ["en"], Editor));

        var after = _engine.Snapshot.Get(page.Id)!;
        Assert.Equal("Tin tức", after.Variants["vi"].Name);
        Assert.Equal(JsonSerializer.Serialize(viBefore.Values), JsonSerializer.Serialize(after.Variants["vi"].Values));
        Assert.Equal("English body.", after.Value("body", "en")!.Value.GetString());

        // Shared values go live with whichever culture is published, so Vietnamese visitors see the shared change too.
        Assert.True(after.Value("hideFromNavigation", "vi")!.Value.GetBoolean());
        var stored = (await Content.GetAsync(page.Id))!;
        Assert.True(stored.Variant("vi")!.Edited);
        Assert.False(stored.Variant("en")!.Edited);
        Assert.True(saved.Revision < stored.Revision);
    }

    [Fact]
    public async Task ATranslationAddedLater_HasItsOwnCreatedDateAndWriter_AndSavesKeepThem()
    {
        var clock = new ManualClock();
        await using var engine = await TestEngine.StartAsync(clock: clock);
        var written = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.FromHours(7));
        clock.Set(written);
        var page = Ok(await engine.Content.CreateAsync(new CreateDocumentRequest("textPage", engine.IdOf("home"), Cultures(("vi", new VariantInput("Trang mới", Values: Values(("body", "Nội dung.")))))), "press@test"));

        clock.Set(written.AddDays(3));
        Ok(await engine.Content.SaveAsync(new SaveDocumentRequest(page.Id, page.Revision, Cultures(("en", new VariantInput("New page", Values: Values(("body", "Body.")))))), "translator@test"));
        var translated = (await engine.Content.GetAsync(page.Id))!;
        clock.Set(written.AddDays(5));
        Ok(await engine.Content.SaveAsync(new SaveDocumentRequest(page.Id, translated.Revision, Cultures(("vi", new VariantInput("Trang mới", Values: Values(("body", "Sửa.")))), ("en", new VariantInput("New page", Values: Values(("body", "Edited.")))))), "editor@test"));

        var stored = (await engine.Content.GetAsync(page.Id))!;
        Assert.Equal((written.UtcDateTime, "press@test"), (stored.Variant("vi")!.CreatedUtc, stored.Variant("vi")!.CreatedBy));
        Assert.Equal((written.AddDays(3).UtcDateTime, "translator@test"), (stored.Variant("en")!.CreatedUtc, stored.Variant("en")!.CreatedBy));
        Assert.All(stored.Cultures.Values, v => Assert.Equal((written.AddDays(5).UtcDateTime, "editor@test"), (v.UpdatedUtc, v.UpdatedBy)));
        Assert.Equal((written.UtcDateTime, "press@test"), (stored.CreatedUtc, stored.CreatedBy));
    }

    [Fact]
    public async Task PublishEnglish_BeforeVietnamese_IsRefused()
    {
        var page = Ok(await CreatePageAsync("Trang song ngữ", "Bilingual page"));

        var result = await Content.PublishAsync(page.Id, ["en"], Editor);

        Assert.Equal(ContentStatus.CultureRequired, result.Status);
        Assert.Null(_engine.Snapshot.Get(page.Id));
    }

    [Fact]
    public async Task PublishChild_UnderUnpublishedParent_IsRefused()
    {
        var parent = Ok(await CreatePageAsync("Cha"));
        var child = Ok(await CreatePageAsync("Con", parentId: parent.Id));

        var result = await Content.PublishAsync(child.Id, ["vi"], Editor);

        Assert.Equal(ContentStatus.InvalidOperation, result.Status);
        Assert.Equal("parentNotPublished", Assert.Single(result.Errors).Code);
    }

    [Fact]
    public async Task UnpublishVietnamese_UnpublishesEveryCulture()
    {
        var page = Ok(await CreatePageAsync("Hai thứ tiếng", "Two languages"));
        Ok(await Content.PublishAsync(page.Id, ["vi", "en"], Editor));

        var result = Ok(await Content.UnpublishAsync(page.Id, ["vi"], Editor));

        Assert.False(result.IsPublished("vi"));
        Assert.False(result.IsPublished("en"));
        Assert.Null(_engine.Snapshot.Get(page.Id));
    }

    [Fact]
    public async Task Save_BasedOnAStaleRevision_IsRefusedAndOverwritesNothing()
    {
        var page = Ok(await CreatePageAsync("Trang chung"));
        var first = Ok(await Content.SaveAsync(new SaveDocumentRequest(page.Id, page.Revision, Cultures(("vi", new VariantInput("Sửa bởi người thứ nhất", Values: Values(("body", "Một.")))))), "first@test"));

        var second = await Content.SaveAsync(new SaveDocumentRequest(page.Id, page.Revision, Cultures(("vi", new VariantInput("Sửa bởi người thứ hai", Values: Values(("body", "Hai.")))))), "second@test");

        Assert.Equal(ContentStatus.Conflict, second.Status);
        Assert.Equal("Sửa bởi người thứ nhất", second.Value!.Variant("vi")!.Name);
        Assert.Contains("first@test", Assert.Single(second.Errors).Message, StringComparison.Ordinal);
        var stored = (await Content.GetAsync(page.Id))!;
        Assert.Equal("Sửa bởi người thứ nhất", stored.Variant("vi")!.Name);
        Assert.Equal(first.Revision, stored.Revision);
    }

    [Fact]
    public async Task Save_Invalid_WritesNothing()
    {
        var page = Ok(await CreatePageAsync("Trang nguyên vẹn"));

        var result = await Content.SaveAsync(new SaveDocumentRequest(page.Id, page.Revision, Cultures(("vi", new VariantInput("Tên mới", Values: Values(("body", null)))))), Editor);

        Assert.Equal(ContentStatus.ValidationFailed, result.Status);
        var stored = (await Content.GetAsync(page.Id))!;
        Assert.Equal("Trang nguyên vẹn", stored.Variant("vi")!.Name);
        Assert.Equal(page.Revision, stored.Revision);
        Assert.Single(await Content.GetVersionsAsync(page.Id));
    }

    [Fact]
    public async Task Rollback_RestoresAnEarlierVersionIntoTheDraft()
    {
        var page = Ok(await CreatePageAsync("Phiên bản một", "Version one"));
        var v2 = Ok(await Content.SaveAsync(new SaveDocumentRequest(page.Id, page.Revision, Cultures(
            ("vi", new VariantInput("Phiên bản hai", Values: Values(("body", "Hai.")))),
            ("en", new VariantInput("Version two", Values: Values(("body", "Two."))))), Values(("hideFromNavigation", true))), Editor));
        var versions = await Content.GetVersionsAsync(page.Id);
        Assert.Equal(["Saved", "Created"], versions.Select(v => v.Action));

        var restored = Ok(await Content.RollbackAsync(page.Id, versions[^1].Id, v2.Revision, Editor));

        Assert.Equal("Phiên bản một", restored.Variant("vi")!.Name);
        Assert.Equal("Version one", restored.Variant("en")!.Name);
        Assert.Equal("Nội dung.", restored.Value("body", "vi")!.Value.GetString());
        Assert.Null(restored.Value("hideFromNavigation"));
        Assert.Equal("RolledBack", (await Content.GetVersionsAsync(page.Id))[0].Action);
    }

    [Fact]
    public async Task Rollback_OneCulture_LeavesTheOtherAndSharedValues()
    {
        var page = Ok(await CreatePageAsync("Một", "One"));
        var v2 = Ok(await Content.SaveAsync(new SaveDocumentRequest(page.Id, page.Revision, Cultures(
            ("vi", new VariantInput("Hai", Values: Values(("body", "Hai.")))),
            ("en", new VariantInput("Two", Values: Values(("body", "Two."))))), Values(("hideFromNavigation", true))), Editor));
        var first = (await Content.GetVersionsAsync(page.Id))[^1];

        var restored = Ok(await Content.RollbackAsync(page.Id, first.Id, v2.Revision, Editor, ["en"]));

        Assert.Equal("One", restored.Variant("en")!.Name);
        Assert.Equal("Hai", restored.Variant("vi")!.Name);
        Assert.True(restored.Value("hideFromNavigation")!.Value.GetBoolean());
    }

    [Fact]
    public async Task RenameAndPublish_OldUrlRedirectsToTheNewOne_PerCulture()
    {
        var page = Ok(await CreatePageAsync("Tên cũ", "Old name"));
        Ok(await Content.PublishAsync(page.Id, ["vi", "en"], Editor));
        var child = Ok(await CreatePageAsync("Trang con", "Child page", parentId: page.Id));
        Ok(await Content.PublishAsync(child.Id, ["vi", "en"], Editor));
        Assert.Equal("/en/old-name/child-page", _engine.Snapshot.In(_engine.Snapshot.Get(child.Id)!, "en")!.Url);

        var renamed = Ok(await Content.SaveAsync(new SaveDocumentRequest(page.Id, (await Content.GetAsync(page.Id))!.Revision, Cultures(("en", new VariantInput("New name")))), Editor));
        Assert.Equal("new-name", renamed.Variant("en")!.UrlSegment);
        Assert.Equal("/en/old-name", _engine.Snapshot.In(_engine.Snapshot.Get(page.Id)!, "en")!.Url);
        Ok(await Content.PublishAsync(page.Id, ["en"], Editor));

        var snapshot = _engine.Snapshot;
        Assert.Equal("/en/new-name", snapshot.RedirectTarget("/en/old-name"));
        Assert.Equal("/en/new-name/child-page", snapshot.RedirectTarget("/en/old-name/child-page"));
        Assert.Equal("/vi/ten-cu", snapshot.In(snapshot.Get(page.Id)!, "vi")!.Url);
        Assert.Null(snapshot.RedirectTarget("/vi/ten-cu"));

        // Renaming back removes the loop: the page lives at its old address again.
        var back = Ok(await Content.SaveAsync(new SaveDocumentRequest(page.Id, (await Content.GetAsync(page.Id))!.Revision, Cultures(("en", new VariantInput("Old name")))), Editor));
        Ok(await Content.PublishAsync(page.Id, ["en"], Editor, back.Revision));
        Assert.Null(_engine.Snapshot.RedirectTarget("/en/old-name"));
        Assert.Equal("/en/old-name", _engine.Snapshot.RedirectTarget("/en/new-name"));
    }

    [Fact]
    public async Task Move_RedirectsTheWholeBranchAndKeepsSegments()
    {
        var about = _engine.IdAt("/en/about");
        var page = Ok(await CreatePageAsync("Chuyển đi", "Moving page"));
        Ok(await Content.PublishAsync(page.Id, ["vi", "en"], Editor));
        var child = Ok(await CreatePageAsync("Con", "Child", parentId: page.Id));
        Ok(await Content.PublishAsync(child.Id, ["vi", "en"], Editor));

        Ok(await Content.MoveAsync(page.Id, about, Editor));

        var snapshot = _engine.Snapshot;
        Assert.Equal("/en/about/moving-page/child", snapshot.In(snapshot.Get(child.Id)!, "en")!.Url);
        Assert.Equal("/vi/gioi-thieu/chuyen-di", snapshot.RedirectTarget("/vi/chuyen-di"));
        Assert.Equal("/en/about/moving-page/child", snapshot.RedirectTarget("/en/moving-page/child"));
    }

    [Fact]
    public async Task Move_UnderItsOwnDescendant_IsRefused()
    {
        var page = Ok(await CreatePageAsync("Ông"));
        var child = Ok(await CreatePageAsync("Cháu", parentId: page.Id));

        var result = await Content.MoveAsync(page.Id, child.Id, Editor);

        Assert.Equal(ContentStatus.InvalidOperation, result.Status);
    }

    [Fact]
    public async Task Sort_ChangesTheNavigationOrder()
    {
        var children = await Content.GetChildrenAsync(Home);
        var reversed = children.Select(c => c.Id).Reverse().ToList();

        Ok(await Content.SortAsync(Home, reversed, Editor));

        var snapshot = _engine.Snapshot;
        var published = reversed.Where(id => snapshot.Get(id) is not null).ToList();
        Assert.Equal(published, snapshot.Children(snapshot.Home!).Select(d => d.Id));
    }

    [Fact]
    public async Task RecycleBin_TrashHidesTheBranch_RestoreBringsItBackUnpublished()
    {
        var page = Ok(await CreatePageAsync("Sẽ xóa", "To delete"));
        Ok(await Content.PublishAsync(page.Id, ["vi", "en"], Editor));
        var child = Ok(await CreatePageAsync("Con", parentId: page.Id));

        Ok(await Content.MoveToRecycleBinAsync(page.Id, Editor));

        Assert.Null(_engine.Snapshot.Get(page.Id));
        Assert.Contains(await Content.GetRecycleBinAsync(), d => d.Id == page.Id);
        Assert.DoesNotContain(await Content.GetRecycleBinAsync(), d => d.Id == child.Id);
        Assert.DoesNotContain(await Content.GetChildrenAsync(Home), d => d.Id == page.Id);
        Assert.Equal(ContentStatus.InvalidOperation, (await Content.SaveAsync(new SaveDocumentRequest(page.Id, (await Content.GetAsync(page.Id))!.Revision), Editor)).Status);

        var restored = Ok(await Content.RestoreAsync(page.Id, Editor));

        Assert.Equal(Home, restored.ParentId);
        Assert.False(restored.IsPublished("vi"));
        Assert.False((await Content.GetAsync(child.Id))!.Trashed);
    }

    [Fact]
    public async Task Delete_OnlyFromTheRecycleBin_AndWithDescendants()
    {
        var page = Ok(await CreatePageAsync("Xóa hẳn"));
        var child = Ok(await CreatePageAsync("Con", parentId: page.Id));
        Assert.Equal(ContentStatus.InvalidOperation, (await Content.DeleteAsync(page.Id, Editor)).Status);

        Ok(await Content.MoveToRecycleBinAsync(page.Id, Editor));
        Assert.Equal(2, Ok(await Content.DeleteAsync(page.Id, Editor)));

        Assert.Null(await Content.GetAsync(page.Id));
        Assert.Null(await Content.GetAsync(child.Id));
    }
}
