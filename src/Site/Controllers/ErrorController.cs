using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Spcncl.Localization;
using Spcncl.Published;
using Spcncl.Site.Rendering;
using Spcncl.Site.Routing;

namespace Spcncl.Site.Controllers;

/// <summary>The friendly page shown outside Development when something unexpected fails (status 500).</summary>
public sealed class ErrorController(PublishedSnapshotService snapshots, PageLayoutBuilder layouts, SiteRequestCultureProvider cultureProvider, SiteText text) : Controller
{
    [Route("error")]
    [IgnoreAntiforgeryToken]
    [ApiExplorerSettings(IgnoreApi = true)]
    public IActionResult Error()
    {
        // Only the exception handler comes here; a visitor asking for /error gets the 404 page.
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>() is not { } failure)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            HttpContext.Features.Set(layouts.ForSystemPage(snapshots.Current, cultureProvider.Preferred(Request).Code, text["NotFound.Title"]));
            return View("~/Views/Shared/NotFoundFallback.cshtml");
        }

        var culture = cultureProvider.FromPath(failure.Path)?.Code ?? cultureProvider.Preferred(Request).Code;
        System.Globalization.CultureInfo.CurrentCulture = System.Globalization.CultureInfo.CurrentUICulture = cultureProvider.Locale(culture);
        Response.StatusCode = StatusCodes.Status500InternalServerError;
        HttpContext.Features.Set(layouts.ForSystemPage(snapshots.Current, culture, text.In(culture, "Error.Title")));
        return View("~/Views/Shared/Error.cshtml");
    }
}
