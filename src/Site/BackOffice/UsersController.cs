using Microsoft.AspNetCore.Mvc;
using Spcncl.BackOffice;
using Spcncl.Content.Documents;
using Spcncl.Localization;
using Spcncl.Site.BackOffice.Operations;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// People and their roles (administrators only): the accounts, a new account (Identity's password policy, its own
/// messages when a password is refused), roles, a start node picked from the content tree, lock and unlock, and
/// resetting two-step sign-in for someone who lost their phone. Every change is in the audit log.
/// </summary>
[Route(BackOfficeHost.Path + "/settings/users")]
public sealed class UsersController(BackOfficeContext context, BackOfficeUsers accounts, IContentService content, SiteCultures cultures, SiteText text)
    : BackOfficeControllerBase(context)
{
    /// <summary>What an account page says after a change (<c>?done=</c>); each has <c>BackOffice.Users.Done.{name}</c>.</summary>
    public static readonly IReadOnlyList<string> DoneMessages = ["created", "roles", "startNode", "locked", "unlocked", "twoFactorReset"];

    protected override BackOfficeArea? Area => BackOfficeArea.Users;

    [HttpGet("")]
    public async Task<IActionResult> Index()
    {
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        var rows = (await accounts.ListAsync(HttpContext.RequestAborted))
            .Select(a => new UserRow(a, a.StartNodeKey is { } key ? tree.All.FirstOrDefault(d => d.Key == key)?.NameIn(Me.UiCulture) : null))
            .ToList();
        ViewData["Title"] = text["BackOffice.Users.Title"];
        return View("~/Views/BackOffice/Settings/Users.cshtml", new UsersView(rows, null));
    }

    [HttpGet("new")]
    public async Task<IActionResult> New() =>
        View("~/Views/BackOffice/Settings/NewUser.cshtml", await NewViewAsync(new NewUserForm { UiCulture = cultures.Default.Code }, [], []));

    [HttpPost("new")]
    public async Task<IActionResult> Create(NewUserForm form)
    {
        var problems = new List<string>();
        var roles = form.Roles.Distinct(StringComparer.Ordinal).ToList();
        if (string.IsNullOrWhiteSpace(form.Email))
        {
            problems.Add("BackOffice.Users.Error.EmailRequired");
        }

        if ((form.DisplayName?.Trim().Length ?? 0) is 0 or > 100)
        {
            problems.Add("BackOffice.Users.Error.NameRequired");
        }

        if (roles.Count == 0 || roles.Any(r => !BackOfficeRoles.All.Contains(r)))
        {
            problems.Add("BackOffice.Users.Error.NoRole");
        }

        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        Guid? startNode = null;
        if (!string.IsNullOrEmpty(form.StartNode))
        {
            if (Guid.TryParse(form.StartNode, out var key) && tree.All.Any(d => d.Key == key))
            {
                startNode = key;
            }
            else
            {
                problems.Add("BackOffice.Users.Error.StartNode");
            }
        }

        var culture = cultures.IsSupported(form.UiCulture ?? "") ? form.UiCulture! : cultures.Default.Code;
        if (problems.Count > 0)
        {
            return await RefuseFormAsync(form, problems, []);
        }

        var (user, errors) = await accounts.CreateAsync(form.Email!.Trim(), form.DisplayName!.Trim(), form.Password ?? "", roles, culture, startNode);
        if (user is null)
        {
            return await RefuseFormAsync(form, [], errors);
        }

        await BackOffice.RecordAsync("UserCreated", $"{user.Email}: {string.Join(", ", roles)}{(startNode is null ? "" : $", start node {startNode}")}");
        return SeeOther(user.Id, "created");
    }

    [HttpGet("{id}")]
    public async Task<IActionResult> Edit(string id, string? done)
    {
        if (await accounts.GetAsync(id) is not { } account)
        {
            return NotFound();
        }

        return await AccountPageAsync(account, done is not null && DoneMessages.Contains(done) ? done : null, null, []);
    }

    [HttpPost("{id}/roles")]
    public async Task<IActionResult> SetRoles(string id, List<string>? roles)
    {
        var result = await accounts.SetRolesAsync(id, roles ?? [], Me.UserId);
        return await AfterAsync(id, result, "roles", $"roles: {string.Join(", ", roles ?? [])}");
    }

    [HttpPost("{id}/start-node")]
    public async Task<IActionResult> SetStartNode(string id, string? startNode)
    {
        Guid? key = null;
        if (!string.IsNullOrEmpty(startNode))
        {
            var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
            if (!Guid.TryParse(startNode, out var parsed) || !tree.All.Any(d => d.Key == parsed))
            {
                return await AccountErrorAsync(id, "BackOffice.Users.Error.StartNode", []);
            }

            key = parsed;
        }

        var result = await accounts.SetStartNodeAsync(id, key);
        return await AfterAsync(id, result, "startNode", $"start node: {key?.ToString() ?? "whole site"}");
    }

    [HttpPost("{id}/lock")]
    public async Task<IActionResult> Lock(string id) =>
        await AfterAsync(id, await accounts.SetLockedAsync(id, locked: true, Me.UserId), "locked", "locked");

    [HttpPost("{id}/unlock")]
    public async Task<IActionResult> Unlock(string id) =>
        await AfterAsync(id, await accounts.SetLockedAsync(id, locked: false, Me.UserId), "unlocked", "unlocked");

    [HttpPost("{id}/reset-two-factor")]
    public async Task<IActionResult> ResetTwoFactor(string id) =>
        await AfterAsync(id, await accounts.ResetTwoFactorAsync(id), "twoFactorReset", "two-step sign-in reset");

    private async Task<IActionResult> AfterAsync(string id, UserChange result, string done, string what)
    {
        if (result.Status == UserChangeStatus.NotFound)
        {
            return NotFound();
        }

        var account = await accounts.GetAsync(id);
        if (!result.Succeeded)
        {
            await BackOffice.RecordAsync("UserChangeRefused", $"{account?.Email}: {what} ({result.Problem?.ToString() ?? string.Join("; ", result.Messages ?? [])})");
            return await AccountErrorAsync(id, result.Problem is { } problem ? "BackOffice.Users.Error." + problem : null, result.Messages ?? []);
        }

        await BackOffice.RecordAsync("UserChanged", $"{account?.Email}: {what}");
        return SeeOther(id, done);
    }

    private async Task<IActionResult> AccountErrorAsync(string id, string? errorKey, IReadOnlyList<string> messages)
    {
        if (await accounts.GetAsync(id) is not { } account)
        {
            return NotFound();
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return await AccountPageAsync(account, null, errorKey, messages);
    }

    private async Task<ViewResult> AccountPageAsync(BackOfficeAccount account, string? done, string? errorKey, IReadOnlyList<string> messages)
    {
        ViewData["Title"] = account.Email;
        return View("~/Views/BackOffice/Settings/User.cshtml", new UserView(account, account.Id == Me.UserId, await StartNodesAsync(), done, errorKey, messages));
    }

    private async Task<ViewResult> RefuseFormAsync(NewUserForm form, IReadOnlyList<string> problems, IReadOnlyList<string> identityMessages)
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        form.Password = null;
        return View("~/Views/BackOffice/Settings/NewUser.cshtml", await NewViewAsync(form, problems, identityMessages));
    }

    private async Task<NewUserView> NewViewAsync(NewUserForm form, IReadOnlyList<string> problems, IReadOnlyList<string> identityMessages)
    {
        ViewData["Title"] = text["BackOffice.Users.New"];
        return new NewUserView(form, problems, identityMessages, await StartNodesAsync());
    }

    /// <summary>The pages a start node may be, in tree order: the top of the tree and every page that holds others, named by their path.</summary>
    private async Task<IReadOnlyList<StartNodeChoice>> StartNodesAsync()
    {
        var tree = await ContentTree.LoadAsync(content, HttpContext.RequestAborted);
        var choices = new List<StartNodeChoice>();
        void Visit(DocumentSummary document, string? parentPath)
        {
            var path = parentPath is null ? document.NameIn(Me.UiCulture) : $"{parentPath} › {document.NameIn(Me.UiCulture)}";
            if (document.ParentId is not null && tree.ChildCount(document.Id) == 0)
            {
                return;
            }

            choices.Add(new StartNodeChoice(document.Key, path));
            foreach (var child in tree.Children(document.Id))
            {
                Visit(child, path);
            }
        }

        foreach (var root in tree.Children(null))
        {
            Visit(root, null);
        }

        return choices;
    }

    private StatusCodeResult SeeOther(string id, string done)
    {
        Response.Headers.Location = $"{BackOfficeHost.Path}/settings/users/{Uri.EscapeDataString(id)}?done={done}";
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
