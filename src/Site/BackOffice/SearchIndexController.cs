using Microsoft.AspNetCore.Mvc;
using Spcncl.BackOffice;
using Spcncl.Localization;
using Spcncl.Search;
using Spcncl.Site.BackOffice.Operations;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// The search index: documents per kind, when it was last updated, whether a rebuild is running; and a rebuild,
/// whose progress the page polls as JSON. Search keeps answering from the old index until the new one swaps in.
/// </summary>
[Route(BackOfficeHost.Path + "/settings/search")]
public sealed class SearchIndexController(BackOfficeContext context, SearchIndex index, SearchRebuilds rebuilds, SiteText text) : BackOfficeControllerBase(context)
{
    protected override BackOfficeArea? Area => BackOfficeArea.Search;

    [HttpGet("")]
    public IActionResult Index()
    {
        ViewData["Title"] = text["BackOffice.Search.Title"];
        return View("~/Views/BackOffice/Settings/Search.cshtml", new SearchStatusView(index.Status(), rebuilds.Current));
    }

    /// <summary>Starts a rebuild (or joins the running one). Scripts get the progress as JSON; a plain form goes back to the page.</summary>
    [HttpPost("rebuild")]
    public async Task<IActionResult> Rebuild()
    {
        var progress = rebuilds.Start(Me.UserName);
        if (progress.StartedBy == Me.UserName && progress.FinishedUtc is null)
        {
            await BackOffice.RecordAsync("SearchRebuild", $"rebuild of the '{index.Definition.Name}' index started");
        }

        if (Request.Headers.Accept.ToString().Contains("application/json", StringComparison.Ordinal))
        {
            return Json(Progress());
        }

        Response.Headers.Location = BackOfficeHost.Path + "/settings/search";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    /// <summary>How far the rebuild has got: polled by the page every second while it runs.</summary>
    [HttpGet("progress")]
    public IActionResult ProgressJson() => Json(Progress());

    private SearchProgressResponse Progress()
    {
        var status = index.Status();
        var rebuild = rebuilds.Current;
        var running = rebuild.Running || status.Rebuilding;
        var message = running
            ? text.Format("BackOffice.Search.Progress", rebuild.Done, rebuild.Total)
            : rebuild.Failed ? text["BackOffice.Search.Failed"] : text.Format("BackOffice.Search.Done", status.Documents);
        return new SearchProgressResponse(running, rebuild.Done, rebuild.Total, running ? rebuild.Percent : 100, rebuild.Failed, status.Documents, status.LastUpdateUtc, message);
    }
}
