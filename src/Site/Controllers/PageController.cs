using Microsoft.AspNetCore.Mvc;
using Spcncl.Localization;
using Spcncl.Published;
using Spcncl.Published.Models;
using Spcncl.Site.Rendering;
using Spcncl.Site.Routing;

namespace Spcncl.Site.Controllers;

/// <summary>
/// Renders published pages from the in-memory snapshot: finds the page by its URL, builds its typed model and
/// layout, and picks the document type's view. Old URLs answer 301; unknown ones the 404 page of their culture.
/// </summary>
public sealed class PageController(
    PublishedSnapshotService snapshots,
    PublishedModelFactory models,
    PageLayoutBuilder layouts,
    SiteCultures cultures,
    SiteText text) : Controller
{
    public const string NotFoundType = "notFound";

    /// <summary><c>/</c> goes to the visitor's language: the switcher's cookie, then the browser's Accept-Language.</summary>
    [HttpGet("/"), HttpHead("/")]
    public IActionResult Root()
    {
        var culture = new SiteRequestCultureProvider(cultures).Preferred(Request);
        Response.Headers.Vary = "Accept-Language, Cookie";
        Response.Headers.CacheControl = "private, no-cache";
        return Redirect($"/{culture.Code}/");
    }

    [HttpGet("{culture:siteCulture}/{**path}"), HttpHead("{culture:siteCulture}/{**path}")]
    public IActionResult Render(string culture)
    {
        var snapshot = snapshots.Current;
        var path = Request.Path.Value ?? "/";
        if (snapshot.Match(path) is not { } match)
        {
            return snapshot.RedirectTarget(path) is { } target
                ? RedirectPermanent(target + Request.QueryString)
                : NotFoundPage(snapshot, culture);
        }

        var document = snapshot.Get(match.DocumentId)!;
        var page = models.Create(document, snapshot.In(document, culture)!, snapshot);
        HttpContext.Features.Set(layouts.ForPage(page, Request));
        return View(ViewPath(document.Type.Template), page);
    }

    /// <summary>Remembers the visitor's language choice, then goes to the page in that language (local URLs only).</summary>
    [HttpGet("culture/{culture}")]
    public IActionResult SwitchCulture(string culture, string? returnUrl)
    {
        if (!cultures.IsSupported(culture))
        {
            return NotFoundPage(snapshots.Current, cultures.Default.Code);
        }

        Response.Cookies.Append(SiteRequestCultureProvider.CookieName, culture, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365),
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = Request.IsHttps,
        });
        var target = returnUrl is not null && Url.IsLocalUrl(returnUrl) && returnUrl.StartsWith($"/{culture}/", StringComparison.Ordinal)
            ? returnUrl
            : $"/{culture}/";
        return LocalRedirect(target);
    }

    /// <summary>Any other path: the 404 page in the visitor's language.</summary>
    public IActionResult NotFoundAnywhere() =>
        NotFoundPage(snapshots.Current, new SiteRequestCultureProvider(cultures).Preferred(Request).Code);

    private ViewResult NotFoundPage(PublishedSnapshot snapshot, string culture)
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        var document = snapshot.OfType(NotFoundType).FirstOrDefault(d => snapshot.In(d, culture) is not null);
        var page = document is null ? null : (NotFoundPage)models.Create(document, culture, snapshot)!;
        HttpContext.Features.Set(layouts.ForSystemPage(snapshot, culture, page?.Name ?? text.In(culture, "NotFound.Title")));
        return page is null ? View("~/Views/Shared/NotFoundFallback.cshtml") : View(ViewPath(document!.Type.Template), page);
    }

    private static string ViewPath(string template) => $"~/Views/Pages/{template}.cshtml";
}
