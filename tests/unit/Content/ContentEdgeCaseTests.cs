using Spcncl.Content.Documents;
using Spcncl.Persistence;
using Spcncl.Tests.Fixtures;
using static Spcncl.Tests.Fixtures.ContentValues;

namespace Spcncl.Tests.Content;

/// <summary>The harder corners of editing: races, fallback URLs, clashes on move and rollback, and the recycle bin's groups.</summary>
public sealed class ContentEdgeCaseTests
{
    private const string Editor = "editor@test";

    private static Task<ContentAttempt<Document>> CreatePageAsync(TestEngine engine, string vi, string? en = null, int? parentId = null)
    {
        var cultures = Cultures(("vi", new VariantInput(vi, Values: Values(("body", "Nội dung.")))));
        if (en is not null)
        {
            cultures["en"] = new VariantInput(en, Values: Values(("body", "Body.")));
        }

        return engine.Content.CreateAsync(new CreateDocumentRequest("textPage", parentId ?? engine.IdOf("home"), cultures), Editor);
    }

    [Theory]
    [InlineData(DatabaseProvider.Sqlite)]
    [InlineData(DatabaseProvider.PostgreSql)]
    public async Task TwoSavesFromTheSameRevisionAtOnce_OneWinsTheOtherConflicts_NothingIsLost(DatabaseProvider provider)
    {
        await using var engine = await TestEngine.StartAsync(provider: provider);
        var page = Ok(await CreatePageAsync(engine, "Cùng lúc"));

        var results = await Task.WhenAll(
            engine.Content.SaveAsync(new SaveDocumentRequest(page.Id, page.Revision, Cultures(("vi", new VariantInput("Bản của An", Values: Values(("body", "An.")))))), "an"),
            engine.Content.SaveAsync(new SaveDocumentRequest(page.Id, page.Revision, Cultures(("vi", new VariantInput("Bản của Bình", Values: Values(("body", "Bình.")))))), "binh"));

        var winner = Assert.Single(results, r => r.Succeeded);
        var loser = Assert.Single(results, r => !r.Succeeded);
        Assert.Equal(ContentStatus.Conflict, loser.Status);
        var stored = (await engine.Content.GetAsync(page.Id))!;
        Assert.Equal(winner.Value!.Variant("vi")!.Name, stored.Variant("vi")!.Name);
        Assert.Equal(winner.Value.Revision, stored.Revision);
    }

    [Fact]
    public async Task FallbackPage_RenamedOrTranslatedLater_KeepsItsOldEnglishUrlAsARedirect()
    {
        await using var engine = await TestEngine.StartAsync();
        var sectors = engine.IdOf("sectorList");
        var sector = Ok(await engine.Content.CreateAsync(new CreateDocumentRequest("sector", sectors, Cultures(("vi", new VariantInput("Công nghiệp hỗ trợ", Values: Values(("summary", "Linh kiện."))))), Values(("code", "supporting"))), Editor));
        sector = Ok(await engine.Content.PublishAsync(sector.Id, ["vi"], Editor));
        Assert.NotNull(engine.Snapshot.Match("/en/sectors/cong-nghiep-ho-tro"));

        sector = Ok(await engine.Content.SaveAsync(new SaveDocumentRequest(sector.Id, sector.Revision, Cultures(("vi", new VariantInput("Công nghiệp phụ trợ")))), Editor));
        sector = Ok(await engine.Content.PublishAsync(sector.Id, ["vi"], Editor));

        Assert.Equal("/en/sectors/cong-nghiep-phu-tro", engine.Snapshot.RedirectTarget("/en/sectors/cong-nghiep-ho-tro"));
        Assert.Equal("/vi/nganh-hang/cong-nghiep-phu-tro", engine.Snapshot.RedirectTarget("/vi/nganh-hang/cong-nghiep-ho-tro"));

        sector = Ok(await engine.Content.SaveAsync(new SaveDocumentRequest(sector.Id, sector.Revision, Cultures(("en", new VariantInput("Supporting industries", Values: Values(("summary", "Parts and components.")))))), Editor));
        Ok(await engine.Content.PublishAsync(sector.Id, ["en"], Editor));

        Assert.Equal("/en/sectors/supporting-industries", engine.Snapshot.RedirectTarget("/en/sectors/cong-nghiep-phu-tro"));
        Assert.Equal("/en/sectors/supporting-industries", engine.Snapshot.RedirectTarget("/en/sectors/cong-nghiep-ho-tro"));
        Assert.Null(engine.Snapshot.RedirectTarget("/vi/nganh-hang/cong-nghiep-phu-tro"));
    }

    [Fact]
    public async Task UnpublishEnglishOnly_LeavesVietnameseLive()
    {
        await using var engine = await TestEngine.StartAsync();
        var page = Ok(await CreatePageAsync(engine, "Song ngữ", "Bilingual"));
        Ok(await engine.Content.PublishAsync(page.Id, ["vi", "en"], Editor));

        var result = Ok(await engine.Content.UnpublishAsync(page.Id, ["en"], Editor));

        Assert.True(result.IsPublished("vi"));
        Assert.False(result.IsPublished("en"));
        Assert.Null(engine.Snapshot.Match("/en/bilingual"));
        Assert.NotNull(engine.Snapshot.Match("/vi/song-ngu"));
        Assert.Null(engine.Snapshot.RedirectTarget("/en/bilingual"));
    }

    [Fact]
    public async Task MoveNextToAPublishedPageOfTheSameSegment_IsRefused_ButADraftStepsAside()
    {
        await using var engine = await TestEngine.StartAsync();
        var about = engine.IdAt("/en/about");
        var there = Ok(await CreatePageAsync(engine, "Tin", parentId: about));
        Ok(await engine.Content.PublishAsync(there.Id, ["vi"], Editor));
        var published = Ok(await CreatePageAsync(engine, "Tin"));
        Ok(await engine.Content.PublishAsync(published.Id, ["vi"], Editor));
        var draft = Ok(await CreatePageAsync(engine, "Tin!"));

        var refused = await engine.Content.MoveAsync(published.Id, about, Editor);
        var moved = Ok(await engine.Content.MoveAsync(draft.Id, about, Editor));

        Assert.Equal(ContentStatus.ValidationFailed, refused.Status);
        Assert.Contains(refused.Errors, e => e is { Property: "segment", Culture: "vi", Code: "segmentTaken" });
        Assert.Equal("tin-2", moved.Variant("vi")!.UrlSegment);
    }

    [Fact]
    public async Task RollbackToASegmentAnotherPageNowUses_IsRefused()
    {
        await using var engine = await TestEngine.StartAsync();
        var page = Ok(await CreatePageAsync(engine, "Ban đầu"));
        var renamed = Ok(await engine.Content.SaveAsync(new SaveDocumentRequest(page.Id, page.Revision, Cultures(("vi", new VariantInput("Đổi tên")))), Editor));
        Ok(await CreatePageAsync(engine, "Ban đầu"));
        var first = (await engine.Content.GetVersionsAsync(page.Id))[^1];

        var result = await engine.Content.RollbackAsync(page.Id, first.Id, renamed.Revision, Editor);

        Assert.Equal(ContentStatus.ValidationFailed, result.Status);
        Assert.Contains(result.Errors, e => e is { Property: "segment", Code: "segmentTaken" });
        Assert.Equal("Đổi tên", (await engine.Content.GetAsync(page.Id))!.Variant("vi")!.Name);
    }

    [Fact]
    public async Task RecycleBin_RestoringAParent_LeavesAChildBinnedSeparatelyInTheBin()
    {
        await using var engine = await TestEngine.StartAsync();
        var parent = Ok(await CreatePageAsync(engine, "Cha"));
        var keptChild = Ok(await CreatePageAsync(engine, "Con giữ lại", parentId: parent.Id));
        var binnedChild = Ok(await CreatePageAsync(engine, "Con bỏ đi", parentId: parent.Id));
        Ok(await engine.Content.MoveToRecycleBinAsync(binnedChild.Id, Editor));
        Ok(await engine.Content.MoveToRecycleBinAsync(parent.Id, Editor));
        Assert.Equal([parent.Id, binnedChild.Id], (await engine.Content.GetRecycleBinAsync()).Select(d => d.Id).Order());
        Assert.Equal(ContentStatus.InvalidOperation, (await engine.Content.RestoreAsync(binnedChild.Id, Editor)).Status);

        Ok(await engine.Content.RestoreAsync(parent.Id, Editor));

        Assert.False((await engine.Content.GetAsync(keptChild.Id))!.Trashed);
        Assert.True((await engine.Content.GetAsync(binnedChild.Id))!.Trashed);
        Assert.Equal([binnedChild.Id], (await engine.Content.GetRecycleBinAsync()).Select(d => d.Id));
        Ok(await engine.Content.RestoreAsync(binnedChild.Id, Editor));
    }

    [Fact]
    public async Task LongNames_GiveSegmentsWithinTheLimit_EvenWhenNumbered()
    {
        await using var engine = await TestEngine.StartAsync();
        var name = string.Concat(Enumerable.Repeat("Sản phẩm công nghiệp chủ lực ", 10));

        var first = Ok(await CreatePageAsync(engine, name));
        var second = Ok(await CreatePageAsync(engine, name));

        Assert.True(second.Variant("vi")!.UrlSegment.Length <= Spcncl.Localization.UrlSegments.MaxLength);
        Assert.EndsWith("-2", second.Variant("vi")!.UrlSegment, StringComparison.Ordinal);
        Assert.NotEqual(first.Variant("vi")!.UrlSegment, second.Variant("vi")!.UrlSegment);
    }

    [Fact]
    public async Task ATaxCodeAlreadyHeld_IsRefusedOnCreateSaveAndRestore_NamingTheHolder()
    {
        await using var engine = await TestEngine.StartAsync();
        var directory = engine.IdAt("/en/enterprises");
        var holder = engine.Snapshot.OfType("enterprise").First();
        var taken = holder.SharedValues["taxCode"].GetString()!;
        CreateDocumentRequest Enterprise(string name, string taxCode) =>
            new("enterprise", directory, Cultures(("vi", new VariantInput(name))), Values(("taxCode", taxCode)));

        var duplicate = await engine.Content.CreateAsync(Enterprise("Công ty Trùng mã", taxCode: taken), Editor);
        Assert.Equal(ContentStatus.ValidationFailed, duplicate.Status);
        var error = Assert.Single(duplicate.Errors);
        Assert.Equal(("taxCode", "unique"), (error.Property, error.Code));
        Assert.Contains(taken, error.Message, StringComparison.Ordinal);

        await using (var scope = await engine.Get<ContentService>().BeginScopeAsync())
        {
            // The bulk path (imports) checks within its own batch too.
            var twins = await scope.Writer.CreateManyAsync([Enterprise("Công ty Một", "0100000001"), Enterprise("Công ty Hai", "0100000001")], Editor, default);
            Assert.Equal([1], twins.Failures.Select(f => f.Index));
            Assert.Empty(twins.Documents);
        }

        var other = Ok(await engine.Content.CreateAsync(Enterprise("Công ty Khác", "0100000002"), Editor));
        var save = await engine.Content.SaveAsync(new SaveDocumentRequest(other.Id, other.Revision, SharedValues: Values(("taxCode", taken))), Editor);
        Assert.Equal(ContentStatus.ValidationFailed, save.Status);

        // A document in the recycle bin holds nothing; restoring it after its code was reused is refused.
        Ok(await engine.Content.MoveToRecycleBinAsync(other.Id, Editor));
        Ok(await engine.Content.CreateAsync(Enterprise("Công ty Mới", "0100000002"), Editor));
        var restore = await engine.Content.RestoreAsync(other.Id, Editor);
        Assert.Equal(ContentStatus.ValidationFailed, restore.Status);
        Assert.Contains(restore.Errors, e => e.Code == "unique");
    }
}
