using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.Extensions.Options;
using Spcncl.BackOffice;
using Spcncl.Content.Documents;
using Spcncl.Content.DocumentTypes;
using Spcncl.Localization;
using Spcncl.Media;
using Spcncl.Site.BackOffice.Editing;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// The media library: folders, uploads (streamed, one request per file from script or several from a plain form),
/// alt text and captions per culture, the focal point, "used by", replacing and deleting. Every action needs
/// <see cref="BackOfficeArea.Media"/>, checked once for all of them before any runs; a refusal is a 403 and an audit
/// entry. All changes go through <see cref="MediaLibrary"/>, and "used by" through the content service.
/// </summary>
[Route(BackOfficeHost.Path + "/media")]
public sealed class MediaController(
    BackOfficeContext context,
    MediaLibrary library,
    MediaIndex index,
    MediaUrls urls,
    IContentService content,
    DocumentTypeRegistry types,
    SiteCultures cultures,
    StreamedUpload uploads,
    IOptions<MediaOptions> options,
    CultureFormatter format,
    SiteText text) : BackOfficeControllerBase(context)
{
    private const int PageSize = 48;
    private const int PreviewWidth = 800;
    private const double Centre = 0.5;

    /// <summary>What a screen says after a change (<c>?saved=</c>).</summary>
    private string? SavedMessage(string? saved) => saved switch
    {
        "uploaded" => text["BackOffice.Media.Saved.Uploaded"],
        "described" => text["BackOffice.Media.Saved.Described"],
        "replaced" => text["BackOffice.Media.Saved.Replaced"],
        "moved" => text["BackOffice.Media.Saved.Moved"],
        "deleted" => text["BackOffice.Media.Saved.Deleted"],
        "folderCreated" => text["BackOffice.Media.Saved.FolderCreated"],
        "folderRenamed" => text["BackOffice.Media.Saved.FolderRenamed"],
        _ => null,
    };

    private long MaxBytes => options.Value.MaxUploadBytes;

    private CancellationToken Aborted => HttpContext.RequestAborted;

    private bool WantsJson => Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal);

    /// <summary>The one permission check of this controller: every action, before it runs.</summary>
    public override Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next) =>
        base.OnActionExecutionAsync(context, async () =>
        {
            if (BackOfficePermissions.Can(Me, BackOfficeArea.Media))
            {
                return await next();
            }

            context.Result = await RefuseAsync($"use the media library ({context.ActionDescriptor.RouteValues["action"]})");
            return new ActionExecutedContext(context, context.Filters, this) { Canceled = true, Result = context.Result };
        });

    [HttpGet("")]
    public async Task<IActionResult> Root(int page = 1, string? saved = null) =>
        View("~/Views/BackOffice/Media/Browse.cshtml", await BrowseAsync(null, page, [], SavedMessage(saved), null, null));

    [HttpGet("folders/{id:int}")]
    public async Task<IActionResult> Folder(int id, int page = 1, string? saved = null)
    {
        if ((await library.GetFoldersAsync(Aborted)).All(f => f.Id != id))
        {
            return NotFound();
        }

        return View("~/Views/BackOffice/Media/Browse.cshtml", await BrowseAsync(id, page, [], SavedMessage(saved), null, null));
    }

    [HttpPost("folders")]
    public async Task<IActionResult> CreateFolder([FromForm] string? name, [FromForm] int? parent)
    {
        var created = await library.CreateFolderAsync(name ?? "", parent, Aborted);
        if (created.Status == MediaStatus.NotFound)
        {
            return NotFound();
        }

        if (!created.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            var form = new MediaFolderForm(NewFolderAction, name ?? "", Say(created.Error!), parent);
            return View("~/Views/BackOffice/Media/Browse.cshtml", await BrowseAsync(parent, 1, [], null, form, null));
        }

        var folder = created.Value!;
        await BackOffice.RecordAsync("MediaFolderCreated", $"{folder.Name} (folder {folder.Id})");
        return Redirect($"{BackOfficeHost.Path}/media/folders/{folder.Id}?saved=folderCreated");
    }

    [HttpPost("folders/{id:int}/rename")]
    public async Task<IActionResult> RenameFolder(int id, [FromForm] string? name)
    {
        var renamed = await library.RenameFolderAsync(id, name ?? "", Aborted);
        if (renamed.Status == MediaStatus.NotFound)
        {
            return NotFound();
        }

        if (!renamed.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            var form = new MediaFolderForm(RenameAction(id), name ?? "", Say(renamed.Error!));
            return View("~/Views/BackOffice/Media/Browse.cshtml", await BrowseAsync(id, 1, [], null, null, form));
        }

        await BackOffice.RecordAsync("MediaFolderRenamed", $"{renamed.Value!.Name} (folder {id})");
        return Redirect($"{BackOfficeHost.Path}/media/folders/{id}?saved=folderRenamed");
    }

    /// <summary>
    /// Files into a folder, streamed to the library as they arrive. From script: one file per request, answered in JSON
    /// (the status says how it went). Without: every chosen file at once, then the folder (or the refusals, by file).
    /// </summary>
    [HttpPost("upload")]
    [IgnoreAntiforgeryToken]
    [StreamedUpload]
    public async Task<IActionResult> Upload(int? folder)
    {
        if (folder is { } folderId && (await library.GetFoldersAsync(Aborted)).All(f => f.Id != folderId))
        {
            return NotFound();
        }

        var rows = new List<UploadRow>();
        var failures = new List<int>();
        var outcome = await uploads.ReadAsync(HttpContext, MaxBytes, async (fileName, body) =>
        {
            var result = await library.UploadAsync(new MediaUpload(body, fileName) { FolderId = folder }, Me.AuditName, Aborted);
            if (result.Succeeded)
            {
                var item = result.Value!;
                await BackOffice.RecordAsync("MediaUploaded", $"{item.Name} ({item.Key})");
                rows.Add(new UploadRow(fileName, true, text["BackOffice.Media.Uploaded"], $"{BackOfficeHost.Path}/media/{item.Key}", Thumbnail(item)));
            }
            else
            {
                rows.Add(new UploadRow(fileName, false, Say(result.Error!)));
                failures.Add(StatusOf(result.Status));
            }

            // The rest of a file that is too large is not worth reading.
            return result.Status != MediaStatus.TooLarge;
        });

        if (outcome != StreamedUploadStatus.Read)
        {
            rows.Add(new UploadRow("", false, Say(outcome)));
            failures.Add(outcome == StreamedUploadStatus.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest);
        }

        var status = failures.Count > 0 ? failures[0] : StatusCodes.Status200OK;
        if (WantsJson)
        {
            var files = rows.Select(r => new { name = r.FileName, ok = r.Succeeded, message = r.Message, url = r.Url, thumbnail = r.Thumbnail });
            return new JsonResult(new { ok = failures.Count == 0, message = rows.LastOrDefault(r => !r.Succeeded)?.Message ?? rows.LastOrDefault()?.Message, files }) { StatusCode = status };
        }

        if (failures.Count == 0)
        {
            return Redirect($"{BackOfficeHost.Path}/media{(folder is null ? "" : $"/folders/{folder}")}?saved=uploaded");
        }

        Response.StatusCode = status;
        return View("~/Views/BackOffice/Media/Browse.cshtml", await BrowseAsync(folder, 1, rows, null, null, null));
    }

    [HttpGet("{key:guid}")]
    public async Task<IActionResult> Item(Guid key, string? saved)
    {
        if (index.Get(key) is not { } item)
        {
            return NotFound();
        }

        return View("~/Views/BackOffice/Media/Item.cshtml", await ItemAsync(item, null, new Dictionary<string, string>(), SavedMessage(saved), null));
    }

    /// <summary>Name, alt text and caption in each culture, and the focal point (0–1 from the left and the top).</summary>
    [HttpPost("{key:guid}/describe")]
    public async Task<IActionResult> Describe(Guid key)
    {
        if (index.Get(key) is not { } item)
        {
            return NotFound();
        }

        var form = await Request.ReadFormAsync(Aborted);
        var alt = cultures.Codes.ToDictionary(c => c, c => form[$"alt.{c}"].ToString(), StringComparer.Ordinal);
        var caption = cultures.Codes.ToDictionary(c => c, c => form[$"caption.{c}"].ToString(), StringComparer.Ordinal);
        var name = form["name"].ToString();
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var focalX = ReadFocal(form["focalX"].ToString());
        var focalY = ReadFocal(form["focalY"].ToString());
        if (focalX is null || focalY is null)
        {
            errors["focal"] = Say(MediaError.Of(MediaErrors.Focal, "not a number"));
        }
        else if (item.FocalX is null && item.FocalY is null && focalX == Centre && focalY == Centre)
        {
            // The form shows the middle when no point was chosen: sending it back unchanged chooses nothing.
            (focalX, focalY) = (null, null);
        }

        if (errors.Count == 0)
        {
            var described = await library.DescribeAsync(key, new MediaDescription(string.IsNullOrWhiteSpace(name) ? null : name, alt, caption, focalX, focalY), Me.AuditName, Aborted);
            if (described.Succeeded)
            {
                await BackOffice.RecordAsync("MediaDescribed", $"{described.Value!.Name} ({key})");
                return Redirect($"{BackOfficeHost.Path}/media/{key}?saved=described");
            }

            if (described.Status == MediaStatus.NotFound)
            {
                return NotFound();
            }

            errors[described.Error!.Code == MediaErrors.Focal ? "focal" : "form"] = Say(described.Error);
        }

        var typed = new MediaTyped(name, alt, caption, form["focalX"].ToString(), form["focalY"].ToString());
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("~/Views/BackOffice/Media/Item.cshtml", await ItemAsync(item, typed, errors, null, null));
    }

    /// <summary>A new file for the item: same key, next version (so every URL changes), same kind of file.</summary>
    [HttpPost("{key:guid}/replace")]
    [IgnoreAntiforgeryToken]
    [StreamedUpload]
    public async Task<IActionResult> Replace(Guid key)
    {
        if (index.Get(key) is null)
        {
            return NotFound();
        }

        MediaAttempt<MediaItem>? result = null;
        var outcome = await uploads.ReadAsync(HttpContext, MaxBytes, async (fileName, body) =>
        {
            result = await library.ReplaceAsync(key, body, fileName, Me.AuditName, Aborted);
            return false;
        });

        if (outcome == StreamedUploadStatus.Read && result is { Succeeded: true, Value: { } replaced })
        {
            await BackOffice.RecordAsync("MediaReplaced", $"{replaced.Name} ({key}, version {replaced.Version})");
            return Redirect($"{BackOfficeHost.Path}/media/{key}?saved=replaced");
        }

        if (result?.Status == MediaStatus.NotFound)
        {
            return NotFound();
        }

        var (status, message) = outcome == StreamedUploadStatus.Read
            ? (StatusOf(result!.Status), Say(result.Error!))
            : (outcome == StreamedUploadStatus.TooLarge ? StatusCodes.Status413PayloadTooLarge : StatusCodes.Status400BadRequest, Say(outcome));
        Response.StatusCode = status;
        return View("~/Views/BackOffice/Media/Item.cshtml", await ItemAsync(index.Get(key)!, null, new Dictionary<string, string> { ["file"] = message }, null, null));
    }

    [HttpPost("{key:guid}/move")]
    public async Task<IActionResult> Move(Guid key, [FromForm] string? folder)
    {
        int? target = null;
        if (!string.IsNullOrEmpty(folder))
        {
            if (!int.TryParse(folder, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return NotFound();
            }

            target = id;
        }

        var moved = await library.MoveAsync(key, target, Me.AuditName, Aborted);
        if (moved.Status == MediaStatus.NotFound)
        {
            return NotFound();
        }

        await BackOffice.RecordAsync("MediaMoved", $"{moved.Value!.Name} ({key}) to folder {target?.ToString(CultureInfo.InvariantCulture) ?? "-"}");
        return Redirect($"{BackOfficeHost.Path}/media/{key}?saved=moved");
    }

    /// <summary>Deletes the file, unless a document refers to it: then 409 and the list of those documents.</summary>
    [HttpPost("{key:guid}/delete")]
    public async Task<IActionResult> Delete(Guid key)
    {
        if (index.Get(key) is not { } item)
        {
            return NotFound();
        }

        var deleted = await library.DeleteAsync(key, Aborted);
        if (deleted.Status == MediaStatus.InUse)
        {
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("~/Views/BackOffice/Media/Item.cshtml", await ItemAsync(item, null, new Dictionary<string, string>(), null, Say(deleted.Error!)));
        }

        if (!deleted.Succeeded)
        {
            return NotFound();
        }

        await BackOffice.RecordAsync("MediaDeleted", $"{item.Name} ({key})");
        return Redirect($"{BackOfficeHost.Path}/media{(item.FolderId is { } folder ? $"/folders/{folder}" : "")}?saved=deleted");
    }

    private static string NewFolderAction => $"{BackOfficeHost.Path}/media/folders";

    private static string RenameAction(int id) => $"{BackOfficeHost.Path}/media/folders/{id}/rename";

    private async Task<MediaBrowseView> BrowseAsync(int? folderId, int page, IReadOnlyList<UploadRow> uploaded, string? saved, MediaFolderForm? newFolder, MediaFolderForm? rename)
    {
        var folders = await library.GetFoldersAsync(Aborted);
        var folder = folders.FirstOrDefault(f => f.Id == folderId);
        var counts = index.All.GroupBy(m => m.FolderId ?? 0).ToDictionary(g => g.Key, g => g.Count());
        var collation = StringComparer.Create(CultureInfo.CurrentCulture, ignoreCase: true);
        var children = folders.Where(f => f.ParentId == folder?.Id)
            .OrderBy(f => f.Name, collation)
            .Select(f => new MediaFolderRow(f.Id, f.Name, counts.GetValueOrDefault(f.Id)))
            .ToList();

        var all = index.All.Where(m => m.FolderId == folder?.Id).OrderByDescending(m => m.UpdatedUtc).ThenBy(m => m.Name, collation).ToList();
        var pages = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 1, pages);
        var here = folder is null ? $"{BackOfficeHost.Path}/media" : $"{BackOfficeHost.Path}/media/folders/{folder.Id}";
        var paging = new MediaPaging(page, pages, page > 1 ? $"{here}?page={page - 1}" : null, page < pages ? $"{here}?page={page + 1}" : null);
        var items = all.Skip((page - 1) * PageSize).Take(PageSize).Select(Row).ToList();

        ViewData["Title"] = folder?.Name ?? text["BackOffice.Nav.Media"];
        return new MediaBrowseView(
            folder,
            Crumbs(folders, folder?.Id, includeSelf: false),
            children,
            items,
            paging,
            uploaded,
            saved,
            newFolder ?? new MediaFolderForm(NewFolderAction, "", null, folder?.Id),
            folder is null ? null : rename ?? new MediaFolderForm(RenameAction(folder.Id), folder.Name, null),
            new MediaUploadLimits(
                MaxBytes,
                Say(MediaLibrary.TooLarge(MaxBytes)),
                text["BackOffice.Media.UploadFailed"],
                text["BackOffice.Media.Uploaded"],
                string.Join(',', FileSniffer.Whitelist.SelectMany(t => t.NameExtensions.Select(e => "." + e)))));
    }

    private async Task<MediaItemView> ItemAsync(MediaItem item, MediaTyped? typed, IReadOnlyDictionary<string, string> errors, string? saved, string? refusal)
    {
        var folders = await library.GetFoldersAsync(Aborted);
        var ui = text.CurrentCulture;
        var references = await content.FindReferencesAsync(item.Key, Aborted);
        var usedBy = references.Select(r => new UsedByRow(
                r.NameIn(ui),
                types.Current.TryGet(r.ContentType, out var type) ? type.Name[ui] : r.ContentType,
                r.Trashed ? $"{BackOfficeHost.Path}/content/recycle-bin" : $"{BackOfficeHost.Path}/content/{r.Id}/edit",
                r.Trashed,
                [.. r.Places.GroupBy(p => (p.Alias, p.Culture)).Select(g => Place(type, g.Key.Alias, g.Key.Culture, g.Select(p => p.Published)))]))
            .ToList();

        MediaPreview? preview = null;
        if (item is { IsImage: true, Width: { } width and > 0, Height: { } height and > 0 })
        {
            var shown = Math.Min(PreviewWidth, width);
            preview = new MediaPreview(
                urls.Image(item, new ImageCommand(shown, null, FitMode.Max, OutputFormat.Auto)),
                shown,
                (int)Math.Round(height * (double)shown / width),
                item.Alt(ui) is { Length: > 0 } alt ? alt : item.Name);
        }

        var texts = cultures.All.Select(c => new MediaTexts(
                c.Code,
                c.NativeName,
                typed is null ? item.Alt(c.Code) : typed.Alt.GetValueOrDefault(c.Code) ?? "",
                typed is null ? item.CaptionIn(c.Code) ?? "" : typed.Caption.GetValueOrDefault(c.Code) ?? ""))
            .ToList();
        var folderChoices = new List<PickOption> { new("", text["BackOffice.Media.TopFolder"]) };
        folderChoices.AddRange(folders.Select(f => new PickOption(f.Id.ToString(CultureInfo.InvariantCulture), string.Join(" › ", Crumbs(folders, f.Id, includeSelf: true).Skip(1).Select(c => c.Name)))));

        ViewData["Title"] = item.Name;
        return new MediaItemView(
            item,
            Crumbs(folders, item.FolderId, includeSelf: true),
            KindName(item.Kind),
            Size(item.Bytes),
            Dimensions(item),
            MediaUrls.Original(item),
            preview,
            typed?.Name ?? item.Name,
            texts,
            typed?.FocalX ?? Invariant(item.FocalX ?? Centre),
            typed?.FocalY ?? Invariant(item.FocalY ?? Centre),
            usedBy,
            folderChoices,
            errors,
            saved,
            refusal);
    }

    /// <summary>"Images (vi): draft, published", with the property's label in the reader's language.</summary>
    private string Place(DocumentType? type, string alias, string? culture, IEnumerable<bool> published)
    {
        var label = type is not null && type.PropertiesByAlias.TryGetValue(alias, out var property) ? property.Label[text.CurrentCulture] : alias;
        var states = string.Join(", ", published.Distinct().Order().Select(p => p ? text["BackOffice.Media.Published"] : text["BackOffice.Media.Draft"]));
        return text.Format("BackOffice.Media.UsedIn", label, culture?.ToUpperInvariant() ?? text["BackOffice.Media.SharedValue"], states);
    }

    private List<Crumb> Crumbs(IReadOnlyList<MediaFolder> folders, int? folderId, bool includeSelf)
    {
        var path = new List<Crumb>();
        var byId = folders.ToDictionary(f => f.Id);
        for (var current = folderId; current is { } id && byId.TryGetValue(id, out var folder) && path.Count <= folders.Count; current = folder.ParentId)
        {
            path.Insert(0, new Crumb(folder.Name, $"{BackOfficeHost.Path}/media/folders/{folder.Id}"));
        }

        if (!includeSelf && path.Count > 0)
        {
            path.RemoveAt(path.Count - 1);
        }

        path.Insert(0, new Crumb(text["BackOffice.Nav.Media"], $"{BackOfficeHost.Path}/media"));
        return path;
    }

    private MediaRow Row(MediaItem item) =>
        new(item.Key, item.Name, KindName(item.Kind), Thumbnail(item), Size(item.Bytes), Dimensions(item), item.UpdatedUtc);

    private static string? Thumbnail(MediaItem? item) => item is { IsImage: true } ? MediaUrls.Preset(item, "thumb") : null;

    private string KindName(MediaKind kind) => kind switch
    {
        MediaKind.Image => text["BackOffice.Media.Kind.Image"],
        MediaKind.Document => text["BackOffice.Media.Kind.Document"],
        MediaKind.Video => text["BackOffice.Media.Kind.Video"],
        _ => text["BackOffice.Media.Kind.Captions"],
    };

    private string Size(long bytes) => bytes < 1024 * 1024
        ? text.Format("BackOffice.Media.Kilobytes", format.Number(Math.Max(1, bytes / 1024), text.CurrentCulture))
        : text.Format("BackOffice.Media.Megabytes", format.Number(Math.Round(bytes / 1024m / 1024m, 1), text.CurrentCulture));

    private static string? Dimensions(MediaItem item) =>
        item is { Width: { } width, Height: { } height } ? string.Create(CultureInfo.InvariantCulture, $"{width} × {height}") : null;

    private static string Invariant(double value) => Math.Round(value, 3).ToString("0.###", CultureInfo.InvariantCulture);

    /// <summary>A focal coordinate as typed: empty means the middle; anything but a number is null (refused).</summary>
    private static double? ReadFocal(string typed) =>
        typed.Trim().Length == 0 ? Centre
        : double.TryParse(typed.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value) ? value
        : null;

    private string Say(MediaError error) => text.Format("BackOffice.Media.Error." + error.Code, [.. error.Arguments]);

    private string Say(StreamedUploadStatus status) => status switch
    {
        StreamedUploadStatus.TooLarge => Say(MediaLibrary.TooLarge(MaxBytes)),
        StreamedUploadStatus.TooMany => Say(MediaError.Of(MediaErrors.TooMany, "too many files", StreamedUpload.MaxFilesPerRequest.ToString(CultureInfo.InvariantCulture))),
        StreamedUploadStatus.NoFile => Say(MediaError.Of(MediaErrors.NoFile, "no file")),
        _ => Say(MediaError.Of(MediaErrors.Form, "the form is incomplete or has expired")),
    };

    private static int StatusOf(MediaStatus status) => status switch
    {
        MediaStatus.TooLarge => StatusCodes.Status413PayloadTooLarge,
        MediaStatus.Unsupported => StatusCodes.Status415UnsupportedMediaType,
        MediaStatus.NotFound => StatusCodes.Status404NotFound,
        MediaStatus.Conflict or MediaStatus.InUse => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status422UnprocessableEntity,
    };

    /// <summary>What a refused describe form held, shown again as typed.</summary>
    private sealed record MediaTyped(string Name, IReadOnlyDictionary<string, string> Alt, IReadOnlyDictionary<string, string> Caption, string FocalX, string FocalY);
}
