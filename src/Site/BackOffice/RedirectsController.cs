using Microsoft.AspNetCore.Mvc;
using Spcncl.BackOffice;
using Spcncl.Localization;
using Spcncl.Published;
using Spcncl.Site.BackOffice.Operations;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// Redirects: the automatic ones (old URLs of renamed or moved pages, each going to the page's current URL) listed,
/// and the ones editors add by hand (an old site's address, a short link) added and removed. The public site serves
/// both with 301; <see cref="ManualRedirects"/> refuses targets off the site and loops.
/// </summary>
[Route(BackOfficeHost.Path + "/settings/redirects")]
public sealed class RedirectsController(BackOfficeContext context, ManualRedirects redirects, PublishedSnapshotService snapshots, SiteText text)
    : BackOfficeControllerBase(context)
{
    protected override BackOfficeArea? Area => BackOfficeArea.Redirects;

    [HttpGet("")]
    public IActionResult Index(string? done) =>
        Page(new RedirectForm(), new Dictionary<string, ManualRedirectError>(), done is "added" or "removed" ? done : null);

    [HttpPost("")]
    public async Task<IActionResult> Add(RedirectForm form)
    {
        var added = await redirects.AddAsync(form.Path, form.Target, Me.UserName, HttpContext.RequestAborted);
        if (!added.Succeeded)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page(form, added.Errors, null);
        }

        await BackOffice.RecordAsync("RedirectAdded", $"{added.Redirect!.Path} → {added.Redirect.Target}");
        return SeeOther(BackOfficeHost.Path + "/settings/redirects?done=added");
    }

    [HttpPost("{id:int}/remove")]
    public async Task<IActionResult> Remove(int id)
    {
        if (await redirects.RemoveAsync(id, HttpContext.RequestAborted) is not { } removed)
        {
            return NotFound();
        }

        await BackOffice.RecordAsync("RedirectRemoved", $"{removed.Path} → {removed.Target}");
        return SeeOther(BackOfficeHost.Path + "/settings/redirects?done=removed");
    }

    private ViewResult Page(RedirectForm form, IReadOnlyDictionary<string, ManualRedirectError> errors, string? done)
    {
        var snapshot = snapshots.Current;
        var automatic = snapshot.Redirects
            .OrderBy(r => r.Path, StringComparer.Ordinal)
            .Select(r => new AutomaticRedirectRow(
                r.Path,
                r.Culture,
                PageNames.Describe(snapshot, r.DocumentKey, Me.UiCulture)?.Name ?? text["BackOffice.Inbox.UnknownPage"],
                snapshot.AutomaticTarget(r.Path)))
            .ToList();
        ViewData["Title"] = text["BackOffice.Redirects.Title"];
        return View("~/Views/BackOffice/Settings/Redirects.cshtml", new RedirectsView(automatic, redirects.All, form, errors, done));
    }

    private StatusCodeResult SeeOther(string url)
    {
        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
