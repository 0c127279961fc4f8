using Microsoft.AspNetCore.Mvc;
using Spcncl.Localization;
using Spcncl.Published;
using Spcncl.Site.Rendering;
using Spcncl.Site.Routing;

namespace Spcncl.Site.Controllers;

/// <summary>The friendly page shown outside Development when something unexpected fails (status 500).</summary>
public sealed class ErrorController(PublishedSnapshotService snapshots, PageLayoutBuilder layouts, SiteCultures cultures, SiteText text) : Controller
{
    [Route("error")]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Error()
    {
        var culture = new SiteRequestCultureProvider(cultures).FromPath(HttpContext.Request.Path)?.Code
            ?? new SiteRequestCultureProvider(cultures).Preferred(Request).Code;
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        HttpContext.Features.Set(layouts.ForSystemPage(snapshots.Current, culture, text.In(culture, "Error.Title")));
        return View("~/Views/Shared/Error.cshtml");
    }
}
