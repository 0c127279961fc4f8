using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Spcncl.BackOffice;
using Spcncl.Content.Documents;
using Spcncl.Content.DocumentTypes;
using Spcncl.Localization;
using Spcncl.Site.BackOffice.Editing;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// The content tree and the editor. Every action asks <see cref="BackOfficePermissions"/> on the server for the
/// document, the action and each culture it touches; a request that carries fields the person may not change (another
/// culture, the shared values) is refused whole and recorded in the audit log. All changes go through the content
/// service, the one way to change content.
/// </summary>
[Route(BackOfficeHost.Path + "/content")]
public sealed class ContentController(
    BackOfficeContext context,
    IContentService content,
    DocumentTypeRegistry types,
    BackOfficePermissions permissions,
    SiteCultures cultures,
    ScheduledPublishing schedules,
    EditorBuilder editors,
    SiteText text) : BackOfficeControllerBase(context)
{
    /// <summary>What the editor says after a change (<c>?saved=</c>); each has <c>BackOffice.Saved.{name}</c> in the dictionary.</summary>
    public static readonly IReadOnlyList<string> SavedMessages = ["created", "saved", "published", "unpublished", "scheduled", "scheduleCancelled", "rolledBack", "restored"];

    [HttpGet("")]
    public Task<IActionResult> Root(string? culture) => Browse(null, culture);

    [HttpGet("{id:int}")]
    public async Task<IActionResult> Browse(int? id, string? culture)
    {
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        var node = id is { } nodeId ? tree.Get(nodeId) : null;
        if (id is not null && node is null)
        {
            return NotFound();
        }

        if (node is not null && !permissions.Can(Me, ContentAction.Browse, tree.Place(node.Id)))
        {
            return await RefuseAsync("browse outside the start node", node.Id);
        }

        var shown = cultures.TryGet(culture, out var chosen) ? chosen.Code : Me.UiCulture;
        var children = tree.Children(id)
            .Where(c => permissions.Can(Me, ContentAction.Browse, tree.Place(c.Id)) || IsOnPathToStartNode(tree, c))
            .Select(c =>
            {
                var type = types.Current.TryGet(c.ContentType, out var t) ? t : null;
                var latest = c.Cultures.Values.OrderByDescending(v => v.UpdatedUtc).FirstOrDefault();
                return new TreeRow(
                    c.Id,
                    c.NameIn(shown),
                    type?.Name[Me.UiCulture] ?? c.ContentType,
                    type?.Icon ?? "document",
                    [.. cultures.Codes.Select(code => new CultureState(code, EditorBuilder.Status(c.Cultures.GetValueOrDefault(code))))],
                    tree.ChildCount(c.Id),
                    cultures.Codes.Any(code => permissions.Can(Me, ContentAction.EditCulture, tree.Place(c.Id), code)),
                    permissions.Can(Me, ContentAction.Sort, tree.Place(c.Id)),
                    latest?.UpdatedBy ?? "",
                    latest?.UpdatedUtc ?? default);
            })
            .ToList();

        var parentType = node is null ? null : types.Current.TryGet(node.ContentType, out var pt) ? pt : null;
        var allowed = (parentType?.AllowedChildTypes ?? [.. types.Current.All.Where(t => t.AllowAtRoot).Select(t => t.Alias)])
            .Where(alias => types.Current.TryGet(alias, out _))
            .Where(alias => permissions.Can(Me, ContentAction.Create, node is null ? DocumentPlace.Root(alias) : tree.Place(node.Id, alias)))
            .Select(alias => new TypeChoice(alias, types.Current[alias].Name[Me.UiCulture]))
            .ToList();
        ViewData["Title"] = node?.NameIn(shown) ?? text["BackOffice.Nav.Content"];
        return View("~/Views/BackOffice/Content/Browse.cshtml", new BrowseView(node, Crumbs(tree, node?.Id, shown, includeSelf: true), children, allowed, children.Any(c => c.CanSort), shown));
    }

    /// <summary>
    /// The tree and the type of a new page of <paramref name="type"/> under <paramref name="parent"/>; no type, and the
    /// answer instead, when the type is unknown (404) or the place is not one this user may create in (refused, audited).
    /// </summary>
    private async Task<(ContentTree Tree, DocumentType? Type, IActionResult? Refusal)> ForCreateAsync(int? parent, string type)
    {
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        if (!types.Current.TryGet(type, out var documentType))
        {
            return (tree, null, NotFound());
        }

        var place = parent is { } parentId ? tree.Place(parentId, type) : DocumentPlace.Root(type);
        if ((parent is not null && tree.Get(parent.Value) is null) || !permissions.Can(Me, ContentAction.Create, place))
        {
            return (tree, null, await RefuseAsync($"create a {type}", parent));
        }

        return (tree, documentType, null);
    }

    [HttpGet("create")]
    public async Task<IActionResult> Create(int? parent, string type)
    {
        var (tree, documentType, refusal) = await ForCreateAsync(parent, type);
        if (documentType is null)
        {
            return refusal!;
        }

        ViewData["Title"] = text.Format("BackOffice.Content.New", documentType.Name[Me.UiCulture]);
        return View("~/Views/BackOffice/Content/Editor.cshtml", await editors.ForNewAsync(Me, tree, documentType, parent, null, [], HttpContext.RequestAborted));
    }

    [HttpPost("create")]
    public async Task<IActionResult> CreatePost(int? parent, string type)
    {
        var (tree, documentType, refusal) = await ForCreateAsync(parent, type);
        if (documentType is null)
        {
            return refusal!;
        }

        var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
        var posted = EditorForm.Read(documentType, form, cultures);
        var future = tree.PlaceOfNew(parent, type);
        var (sharedAllowed, culturesAllowed) = (permissions.Can(Me, ContentAction.EditShared, future), cultures.Codes.Where(c => permissions.Can(Me, ContentAction.EditCulture, future, c)).ToHashSet());
        if (Tampered(posted, culturesAllowed, sharedAllowed) is { } tampered)
        {
            return await RefuseAsync(tampered, parent);
        }

        posted.ReadErrors.AddRange(await UnofferedAsync(documentType, posted, parent));
        if (posted.ReadErrors.Count > 0)
        {
            return Invalid(await editors.ForNewAsync(Me, tree, documentType, parent, posted, [.. posted.ReadErrors], HttpContext.RequestAborted));
        }

        var request = new CreateDocumentRequest(type, parent, posted.Variants(culturesAllowed), posted.Shared);
        var created = await content.CreateAsync(request, Me.AuditName, HttpContext.RequestAborted);
        if (!created.Succeeded)
        {
            return Invalid(await editors.ForNewAsync(Me, tree, documentType, parent, posted, [.. created.Errors], HttpContext.RequestAborted));
        }

        var document = created.Value!;
        if (posted.Action == EditorAction.Publish)
        {
            return await PublishAfterSaveAsync(document, posted, tree);
        }

        return RedirectToAction(nameof(Edit), new { id = document.Id, saved = "created" });
    }

    [HttpGet("{id:int}/edit")]
    public async Task<IActionResult> Edit(int id, string? saved)
    {
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        if (await content.GetAsync(id, HttpContext.RequestAborted) is not { Trashed: false } document || !types.Current.TryGet(document.ContentType, out var type))
        {
            return NotFound();
        }

        if (!permissions.Can(Me, ContentAction.Browse, tree.Place(id)))
        {
            return await RefuseAsync("open the editor outside the start node", id);
        }

        ViewData["Title"] = document.Variant(cultures.Default.Code)?.Name ?? document.Cultures.Values.First().Name;
        var message = saved is not null && SavedMessages.Contains(saved) ? saved : null;
        return View("~/Views/BackOffice/Content/Editor.cshtml", await editors.ForDocumentAsync(Me, tree, type, document, null, [], null, message, HttpContext.RequestAborted));
    }

    /// <summary>Save; save and publish (the chosen cultures); unpublish; or schedule. One form, the button says which.</summary>
    [HttpPost("{id:int}/edit")]
    public async Task<IActionResult> EditPost(int id)
    {
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        if (await content.GetAsync(id, HttpContext.RequestAborted) is not { Trashed: false } document || !types.Current.TryGet(document.ContentType, out var type))
        {
            return NotFound();
        }

        var place = tree.Place(id);
        var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
        var posted = EditorForm.Read(type, form, cultures);
        var culturesAllowed = cultures.Codes.Where(c => permissions.Can(Me, ContentAction.EditCulture, place, c)).ToHashSet();
        var sharedAllowed = permissions.Can(Me, ContentAction.EditShared, place);
        if (Tampered(posted, culturesAllowed, sharedAllowed) is { } tampered)
        {
            return await RefuseAsync(tampered, id, string.Join(',', posted.Cultures));
        }

        if (posted.Action is EditorAction.Unpublish or EditorAction.Schedule)
        {
            return await ActOnCulturesAsync(document, type, posted, tree);
        }

        posted.ReadErrors.AddRange(await UnofferedAsync(type, posted, id));
        if (posted.ReadErrors.Count > 0)
        {
            return Invalid(await editors.ForDocumentAsync(Me, tree, type, document, posted, [.. posted.ReadErrors], null, null, HttpContext.RequestAborted));
        }

        var saved = await content.SaveAsync(new SaveDocumentRequest(id, posted.Revision, posted.Variants(culturesAllowed), sharedAllowed ? posted.Shared : null), Me.AuditName, HttpContext.RequestAborted);
        if (saved.Status == ContentStatus.Conflict)
        {
            var current = saved.Value ?? (await content.GetAsync(id, HttpContext.RequestAborted))!;
            var conflict = await editors.ConflictAsync(current, posted.Revision, HttpContext.RequestAborted);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return View("~/Views/BackOffice/Content/Editor.cshtml", await editors.ForDocumentAsync(Me, tree, type, current, posted, [], conflict, null, HttpContext.RequestAborted));
        }

        if (!saved.Succeeded)
        {
            return Invalid(await editors.ForDocumentAsync(Me, tree, type, document, posted, [.. saved.Errors], null, null, HttpContext.RequestAborted));
        }

        return posted.Action == EditorAction.Publish
            ? await PublishAfterSaveAsync(saved.Value!, posted, tree)
            : RedirectToAction(nameof(Edit), new { id, saved = "saved" });
    }

    [HttpPost("{id:int}/schedule/{scheduleId:int}/cancel")]
    public async Task<IActionResult> CancelSchedule(int id, int scheduleId)
    {
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        if (tree.Get(id) is null)
        {
            return NotFound();
        }

        if (!permissions.Can(Me, ContentAction.Schedule, tree.Place(id)))
        {
            return await RefuseAsync("cancel a schedule", id);
        }

        await schedules.CancelAsync(scheduleId, id, HttpContext.RequestAborted);
        return RedirectToAction(nameof(Edit), new { id, saved = "scheduleCancelled" });
    }

    [HttpPost("{id:int}/delete")]
    public async Task<IActionResult> Delete(int id)
    {
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        if (tree.Get(id) is not { } document)
        {
            return NotFound();
        }

        if (!permissions.Can(Me, ContentAction.Delete, tree.Place(id)))
        {
            return await RefuseAsync("move a page to the recycle bin", id);
        }

        var result = await content.MoveToRecycleBinAsync(id, Me.AuditName, HttpContext.RequestAborted);
        return result.Succeeded ? Redirect(document.ParentId is { } parent ? $"{BackOfficeHost.Path}/content/{parent}" : $"{BackOfficeHost.Path}/content") : BadRequest();
    }

    /// <summary>A new order for a page's children: dragged in the list, or one step up or down by a button (the keyboard way).</summary>
    [HttpPost("{id:int}/sort")]
    public async Task<IActionResult> Sort(int id, [FromForm] int[]? order, [FromForm] int? child, [FromForm] int step = 0)
    {
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        var parentId = id == 0 ? (int?)null : id;
        if (parentId is not null && tree.Get(id) is null)
        {
            return NotFound();
        }

        var current = tree.Children(parentId).Select(c => c.Id).ToList();
        if (current.Any(c => !permissions.Can(Me, ContentAction.Sort, tree.Place(c))))
        {
            return await RefuseAsync("sort pages", parentId);
        }

        List<int> next;
        if (child is { } moving && current.IndexOf(moving) is var at and >= 0 && step is -1 or 1)
        {
            next = [.. current];
            var to = Math.Clamp(at + step, 0, next.Count - 1);
            (next[at], next[to]) = (next[to], next[at]);
        }
        else
        {
            next = [.. order ?? []];
        }

        var sorted = await content.SortAsync(parentId, next, Me.AuditName, HttpContext.RequestAborted);
        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
        {
            return sorted.Succeeded ? NoContent() : BadRequest();
        }

        return sorted.Succeeded ? Redirect($"{BackOfficeHost.Path}/content{(parentId is null ? "" : "/" + parentId)}#row-{child}") : BadRequest();
    }

    [HttpGet("{id:int}/move")]
    public async Task<IActionResult> Move(int id)
    {
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        if (await content.GetAsync(id, HttpContext.RequestAborted) is not { Trashed: false } document)
        {
            return NotFound();
        }

        if (!permissions.Can(Me, ContentAction.Move, tree.Place(id)))
        {
            return await RefuseAsync("move a page", id);
        }

        var below = Descendants(tree, id);
        var targets = tree.All
            .Where(t => t.Id != id && t.Id != document.ParentId && !below.Contains(t.Id))
            .Where(t => types.Current.TryGet(t.ContentType, out var type) && type.AllowsChild(document.ContentType))
            .Where(t => permissions.Can(Me, ContentAction.Create, tree.Place(t.Id, document.ContentType)))
            .Select(t => new PickOption(t.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), string.Join(" › ", tree.Ancestors(t.Id).Append(t).Select(a => a.NameIn(Me.UiCulture)))))
            .OrderBy(o => o.Label, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, true))
            .ToList();
        return View("~/Views/BackOffice/Content/Move.cshtml", new MoveView(document, tree.Get(id)!.NameIn(Me.UiCulture), targets));
    }

    [HttpPost("{id:int}/move")]
    public async Task<IActionResult> MovePost(int id, int target)
    {
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        if (tree.Get(id) is not { } document || tree.Get(target) is null)
        {
            return NotFound();
        }

        if (!permissions.Can(Me, ContentAction.Move, tree.Place(id)) || !permissions.Can(Me, ContentAction.Create, tree.Place(target, document.ContentType)))
        {
            return await RefuseAsync($"move a page under document {target}", id);
        }

        var moved = await content.MoveAsync(id, target, Me.AuditName, HttpContext.RequestAborted);
        return moved.Succeeded ? Redirect($"{BackOfficeHost.Path}/content/{target}") : BadRequest(string.Join("; ", moved.Errors));
    }

    private async Task<IActionResult> PublishAfterSaveAsync(Document document, EditorForm posted, ContentTree tree)
    {
        // A page just created is not in the tree read before it was.
        tree = tree.Get(document.Id) is null ? await ContentTree.LoadAsync(content, HttpContext.RequestAborted) : tree;
        var place = tree.Place(document.Id);
        var chosen = posted.PublishCultures.Count > 0 ? posted.PublishCultures : [.. posted.Cultures];
        if (chosen.Any(c => !permissions.Can(Me, ContentAction.Publish, place, c)))
        {
            return await RefuseAsync("publish", document.Id, string.Join(',', chosen));
        }

        var published = await content.PublishAsync(document.Id, [.. chosen], Me.AuditName, document.Revision, HttpContext.RequestAborted);
        if (!published.Succeeded)
        {
            var type = types.Current[document.ContentType];
            var fresh = (await content.GetAsync(document.Id, HttpContext.RequestAborted))!;
            return Invalid(await editors.ForDocumentAsync(Me, await ContentTree.LoadAsync(content, HttpContext.RequestAborted), type, fresh, null, [.. published.Errors], null, null, HttpContext.RequestAborted));
        }

        return RedirectToAction(nameof(Edit), new { id = document.Id, saved = "published" });
    }

    private async Task<IActionResult> ActOnCulturesAsync(Document document, DocumentType type, EditorForm posted, ContentTree tree)
    {
        var place = tree.Place(document.Id);
        var chosen = posted.PublishCultures;
        var action = posted.Action == EditorAction.Unpublish ? ContentAction.Unpublish : ContentAction.Schedule;
        if (chosen.Count == 0 || chosen.Any(c => !permissions.Can(Me, action, place, c) || (posted.ScheduleKind == ScheduledKind.Publish && !permissions.Can(Me, ContentAction.Publish, place, c))))
        {
            return chosen.Count == 0
                ? Invalid(await editors.ForDocumentAsync(Me, tree, type, document, null, [new ContentError(null, null, "cultures", text["BackOffice.Error.cultures"])], null, null, HttpContext.RequestAborted))
                : await RefuseAsync(action.ToString(), document.Id, string.Join(',', chosen));
        }

        if (posted.Action == EditorAction.Unpublish)
        {
            var result = await content.UnpublishAsync(document.Id, [.. chosen], Me.AuditName, HttpContext.RequestAborted);
            return result.Succeeded
                ? RedirectToAction(nameof(Edit), new { id = document.Id, saved = "unpublished" })
                : Invalid(await editors.ForDocumentAsync(Me, tree, type, document, null, [.. result.Errors], null, null, HttpContext.RequestAborted));
        }

        if (posted.ScheduleAt is not { } at)
        {
            return Invalid(await editors.ForDocumentAsync(Me, tree, type, document, null, [new ContentError(null, null, "schedule", text["BackOffice.Error.schedule"])], null, null, HttpContext.RequestAborted));
        }

        await schedules.ScheduleAsync(document.Id, posted.ScheduleKind, [.. chosen], at, Me.AuditName, HttpContext.RequestAborted);
        return RedirectToAction(nameof(Edit), new { id = document.Id, saved = "scheduled" });
    }

    /// <summary>Picked values the editor never offered: refused by their fields, and recorded (a crafted post, most likely).</summary>
    private async Task<IReadOnlyList<ContentError>> UnofferedAsync(DocumentType type, EditorForm posted, int? documentId)
    {
        var errors = await editors.UnofferedAsync(type, posted, HttpContext.RequestAborted);
        if (errors.Count > 0)
        {
            await BackOffice.RecordRefusalAsync($"pick values not offered for {string.Join(", ", errors.Select(e => e.Property))}", documentId);
        }

        return errors;
    }

    /// <summary>What in a posted editor form this person may not change, or null when nothing.</summary>
    private static string? Tampered(EditorForm posted, IReadOnlySet<string> culturesAllowed, bool sharedAllowed)
    {
        if (posted.Cultures.FirstOrDefault(c => !culturesAllowed.Contains(c)) is { } culture)
        {
            return $"change the {culture} content";
        }

        return posted.Shared is { Count: > 0 } && !sharedAllowed ? "change shared values" : null;
    }

    private ViewResult Invalid(EditorView view)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return View("~/Views/BackOffice/Content/Editor.cshtml", view);
    }

    private List<Crumb> Crumbs(ContentTree tree, int? id, string culture, bool includeSelf)
    {
        var crumbs = new List<Crumb> { new(text["BackOffice.Nav.Content"], $"{BackOfficeHost.Path}/content") };
        if (id is { } nodeId)
        {
            var path = tree.Ancestors(nodeId).AsEnumerable();
            if (includeSelf && tree.Get(nodeId) is { } self)
            {
                path = path.Append(self);
            }

            crumbs.AddRange(path.Select(a => new Crumb(a.NameIn(culture), $"{BackOfficeHost.Path}/content/{a.Id}")));
        }

        return crumbs;
    }

    private bool IsOnPathToStartNode(ContentTree tree, DocumentSummary document) =>
        Me.StartNodeKey is { } start && tree.All.FirstOrDefault(d => d.Key == start) is { } startNode && tree.Ancestors(startNode.Id).Any(a => a.Id == document.Id);

    private static HashSet<int> Descendants(ContentTree tree, int id)
    {
        var found = new HashSet<int>();
        var queue = new Queue<int>([id]);
        while (queue.TryDequeue(out var next))
        {
            foreach (var child in tree.Children(next))
            {
                if (found.Add(child.Id))
                {
                    queue.Enqueue(child.Id);
                }
            }
        }

        return found;
    }
}
