using Spcncl.Content.Documents;
using Spcncl.Media;
using Spcncl.Tests.Fixtures;
using static Spcncl.Tests.Fixtures.ContentValues;

namespace Spcncl.Tests.Content;

/// <summary>"Used by": which documents name a media item, wherever and however they name it.</summary>
public sealed class ContentReferencesTests : IAsyncLifetime
{
    private const string Editor = "editor@test";
    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private IContentService Content => _engine.Content;

    private MediaLibrary Library => _engine.Get<MediaLibrary>();

    private async Task<MediaItem> NewImageAsync() =>
        Ok(await Library.UploadAsync(new MediaUpload(new MemoryStream(TestImages.Jpeg(320, 240)), "anh.jpg"), Editor));

    private async Task<Document> FirstAsync(string type) =>
        (await Content.GetAsync((await Content.ListAsync([type])).OrderBy(d => d.Id).First().Id))!;

    private async Task<Document> SaveAsync(Document document, (string Culture, string Alias, object? Value)? culture = null, (string Alias, object? Value)? shared = null)
    {
        var cultures = culture is { } c ? Cultures((c.Culture, new VariantInput(document.Variant(c.Culture)!.Name, Values: Values((c.Alias, c.Value))))) : null;
        return Ok(await Content.SaveAsync(new SaveDocumentRequest(document.Id, document.Revision, cultures, shared is { } s ? Values((s.Alias, s.Value)) : null), Editor));
    }

    [Fact]
    public async Task FindReferences_FindsMultiPickersPerCultureFilesAndKeyValueRows_InDraftsAndPublished()
    {
        var image = await NewImageAsync();
        var enterprise = await FirstAsync("enterprise");
        var gallery = enterprise.Value("gallery") is { } existing ? existing.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
        await SaveAsync(enterprise, shared: ("gallery", gallery.Append(image.Key.ToString()).ToArray()));
        var product = await FirstAsync("product");
        await SaveAsync(product, culture: ("en", "brochure", image.Key.ToString("D").ToUpperInvariant()));
        var contact = await FirstAsync("contactPage");
        var saved = await SaveAsync(contact, culture: ("vi", "officeHours", new[] { new { key = "Sơ đồ", value = $"/media/{image.Key:N}/1/so-do.jpg" } }));
        Ok(await Content.PublishAsync(contact.Id, ["vi"], Editor, saved.Revision));

        var references = await Content.FindReferencesAsync(image.Key);

        Assert.Equal([contact.Id, enterprise.Id, product.Id], references.Select(r => r.Id).Order());
        Assert.Equal([new ReferencePlace("gallery", null, false)], references.Single(r => r.Id == enterprise.Id).Places);
        Assert.Equal([new ReferencePlace("brochure", "en", false)], references.Single(r => r.Id == product.Id).Places);
        Assert.Equal([new ReferencePlace("officeHours", "vi", false), new ReferencePlace("officeHours", "vi", true)], references.Single(r => r.Id == contact.Id).Places);
        Assert.Equal(contact.Variant("vi")!.Name, references.Single(r => r.Id == contact.Id).NameIn("vi"));
    }

    [Fact]
    public async Task FindReferences_OfAnUnusedKey_IsEmpty_AndADocumentInTheRecycleBinIsMarked()
    {
        var image = await NewImageAsync();
        Assert.Empty(await Content.FindReferencesAsync(image.Key));

        var article = await FirstAsync("newsArticle");
        await SaveAsync(article, shared: ("coverImage", image.Key.ToString()));
        Ok(await Content.MoveToRecycleBinAsync(article.Id, Editor));

        var reference = Assert.Single(await Content.FindReferencesAsync(image.Key));
        Assert.True(reference.Trashed);
        Assert.Equal(article.Id, reference.Id);
    }

    [Fact]
    public async Task Delete_IsRefusedWhileADocumentUsesTheFile_AndAllowedOnceItDoesNot()
    {
        var image = await NewImageAsync();
        var article = await FirstAsync("newsArticle");
        var inUse = await SaveAsync(article, shared: ("coverImage", image.Key.ToString()));

        var refused = await Library.DeleteAsync(image.Key);
        await SaveAsync(inUse, shared: ("coverImage", null));
        var deleted = await Library.DeleteAsync(image.Key);

        Assert.Equal((MediaStatus.InUse, MediaErrors.InUse, "1"), (refused.Status, refused.Error!.Code, refused.Error.Arguments[0]));
        Assert.True(deleted.Succeeded, deleted.ToString());
        Assert.Null(_engine.Get<MediaIndex>().Get(image.Key));
        Assert.Null(_engine.Get<IMediaStorage>().OpenRead(image.StoredName));
    }
}
