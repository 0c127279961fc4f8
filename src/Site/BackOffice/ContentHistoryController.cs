using Microsoft.AspNetCore.Mvc;
using Spcncl.BackOffice;
using Spcncl.Content.Documents;
using Spcncl.Content.DocumentTypes;
using Spcncl.Localization;
using Spcncl.Markdown;
using Spcncl.Published;
using Spcncl.Published.Models;
using Spcncl.Site.BackOffice.Editing;
using Spcncl.Site.Pages;
using Spcncl.Site.Rendering;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// A document's past and its draft: version history with a side-by-side comparison and rollback, the recycle bin,
/// the preview of the draft in the real site layout (signed in only, never cached), and the Markdown preview the
/// editor shows as one types (the site's own renderer and sanitiser).
/// </summary>
[Route(BackOfficeHost.Path + "/content")]
public sealed class ContentHistoryController(
    BackOfficeContext context,
    IContentService content,
    DocumentTypeRegistry types,
    BackOfficePermissions permissions,
    SiteCultures cultures,
    EditorBuilder editors,
    PublishedSnapshotService snapshots,
    PublishedModelFactory models,
    PageHandlers handlers,
    PageLayoutBuilder layouts,
    MarkdownRenderer markdown,
    TimeProvider clock) : BackOfficeControllerBase(context)
{
    [HttpGet("{id:int}/history")]
    public async Task<IActionResult> History(int id)
    {
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        if (await content.GetAsync(id, HttpContext.RequestAborted) is not { } document)
        {
            return NotFound();
        }

        if (!permissions.Can(Me, ContentAction.History, tree.Place(id)))
        {
            return await RefuseAsync("read the history", id);
        }

        var versions = await content.GetVersionsAsync(id, HttpContext.RequestAborted);
        return View("~/Views/BackOffice/Content/History.cshtml", new HistoryView(document, Name(document), versions, permissions.Can(Me, ContentAction.Rollback, tree.Place(id))));
    }

    /// <summary>A version beside the current draft, field by field.</summary>
    [HttpGet("{id:int}/history/{versionId:long}")]
    public async Task<IActionResult> Compare(int id, long versionId)
    {
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        if (await content.GetAsync(id, HttpContext.RequestAborted) is not { } document)
        {
            return NotFound();
        }

        if (!permissions.Can(Me, ContentAction.History, tree.Place(id)))
        {
            return await RefuseAsync("compare versions", id);
        }

        var versions = await content.GetVersionsAsync(id, HttpContext.RequestAborted);
        if (versions.FirstOrDefault(v => v.Id == versionId) is not { } version)
        {
            return NotFound();
        }

        var current = new DocumentData(document.SharedValues, document.Cultures.ToDictionary(c => c.Key, c => new VariantData(c.Value.Name, c.Value.UrlSegment, c.Value.CustomSegment, c.Value.Values)));
        var rows = editors.Differences(document.ContentType, version.Data, current);
        return View("~/Views/BackOffice/Content/Compare.cshtml", new CompareView(document, Name(document), version, rows, permissions.Can(Me, ContentAction.Rollback, tree.Place(id)), [.. version.Data.Cultures.Keys]));
    }

    [HttpPost("{id:int}/history/{versionId:long}/rollback")]
    public async Task<IActionResult> Rollback(int id, long versionId, int revision)
    {
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        if (tree.Get(id) is null)
        {
            return NotFound();
        }

        if (!permissions.Can(Me, ContentAction.Rollback, tree.Place(id)))
        {
            return await RefuseAsync("roll back", id);
        }

        var result = await content.RollbackAsync(id, versionId, revision, Me.AuditName, ct: HttpContext.RequestAborted);
        if (result.Status == ContentStatus.Conflict)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return RedirectToAction(nameof(History), new { id });
        }

        return result.Succeeded ? Redirect($"{BackOfficeHost.Path}/content/{id}/edit?saved=rolledBack") : UnprocessableEntity(string.Join("; ", result.Errors));
    }

    [HttpGet("recycle-bin")]
    public async Task<IActionResult> RecycleBin()
    {
        if (!BackOfficePermissions.Can(Me, BackOfficeArea.Content))
        {
            return await RefuseAsync("open the recycle bin");
        }

        var items = await content.GetRecycleBinAsync(HttpContext.RequestAborted);
        var restore = permissions.Can(Me, ContentAction.Restore, DocumentPlace.Root()) && Me.StartNodeKey is null;
        return View("~/Views/BackOffice/Content/RecycleBin.cshtml", new RecycleBinView([.. items.Select(d => (d, Name(d)))], restore, restore));
    }

    [HttpPost("recycle-bin/{id:int}/restore")]
    public async Task<IActionResult> Restore(int id)
    {
        if (!permissions.Can(Me, ContentAction.Restore, DocumentPlace.Root()) || Me.StartNodeKey is not null)
        {
            return await RefuseAsync("restore from the recycle bin", id);
        }

        var result = await content.RestoreAsync(id, Me.AuditName, ct: HttpContext.RequestAborted);
        return result.Succeeded ? Redirect($"{BackOfficeHost.Path}/content/{id}/edit?saved=restored") : UnprocessableEntity(string.Join("; ", result.Errors));
    }

    [HttpPost("recycle-bin/{id:int}/delete")]
    public async Task<IActionResult> DeleteForGood(int id)
    {
        if (!permissions.Can(Me, ContentAction.Delete, DocumentPlace.Root()) || Me.StartNodeKey is not null)
        {
            return await RefuseAsync("delete for good", id);
        }

        var result = await content.DeleteAsync(id, Me.AuditName, HttpContext.RequestAborted);
        return result.Succeeded ? Redirect($"{BackOfficeHost.Path}/content/recycle-bin") : UnprocessableEntity(string.Join("; ", result.Errors));
    }

    /// <summary>The draft as the site would show it once published, in the site's own layout; signed-in people only, never cached or indexed.</summary>
    [HttpGet("{id:int}/preview/{culture}")]
    public async Task<IActionResult> Preview(int id, string culture)
    {
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        if (!cultures.IsSupported(culture) || await content.GetAsync(id, HttpContext.RequestAborted) is not { } draft || !types.Current.TryGet(draft.ContentType, out var type))
        {
            return NotFound();
        }

        if (!permissions.Can(Me, ContentAction.Preview, tree.Place(id)))
        {
            return await RefuseAsync("preview", id);
        }

        var snapshot = snapshots.Current;
        var document = DraftPreview.FromDraft(draft, type, clock.GetUtcNow().UtcDateTime);
        if (DraftPreview.In(document, culture, snapshot) is not { } pageCulture)
        {
            return NotFound();
        }

        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = cultures.Get(culture).Info;
        var page = models.Create(document, pageCulture, snapshot);
        var outcome = handlers.For(type.Alias) is { } handler ? handler.Render(new PageRequest(page, [], HttpContext)) : new RenderView($"~/Views/Pages/{type.Template}.cshtml", page);
        if (outcome is not RenderView view)
        {
            return NotFound();
        }

        var layout = layouts.ForPage(page, Request, view.UrlSuffix, view.Title, noIndex: true, view.Head) with { PreviewBanner = true };
        HttpContext.Features.Set(layout);
        return View(view.View, view.Model);
    }

    [HttpPost("/backoffice/markdown/preview")]
    public IActionResult MarkdownPreview([FromForm] string? text) =>
        Content(markdown.Render(text ?? "").Html, "text/html; charset=utf-8");

    private string Name(Document document) => (document.Variant(Me.UiCulture) ?? document.Variant(cultures.Default.Code) ?? document.Cultures.Values.First()).Name;
}
