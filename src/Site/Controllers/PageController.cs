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
    SiteRequestCultureProvider cultureProvider,
    SiteText text) : Controller
{
    public const string NotFoundType = "notFound";

    /// <summary><c>/</c> goes to the visitor's language: the switcher's cookie, then the browser's Accept-Language.</summary>
    [HttpGet("/"), HttpHead("/")]
    public IActionResult Root()
    {
        var culture = cultureProvider.Preferred(Request);
        Response.Headers.Vary = "Accept-Language, Cookie";
        Response.Headers.CacheControl = "private, no-cache";
        return Redirect(PublishedUrls.Home(culture.Code));
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
        return LocalRedirect(SwitchTarget(culture, returnUrl));
    }

    /// <summary>Any other path (and any other method on a page's path): the 404 page in the visitor's language.</summary>
    [IgnoreAntiforgeryToken]
    public IActionResult NotFoundAnywhere() =>
        NotFoundPage(snapshots.Current, cultureProvider.Preferred(Request).Code);

    /// <summary>
    /// Where the switcher may send a visitor: a page of that culture the site actually has, or that culture's home
    /// (with the "not translated" notice). Anything else, however local it looks, goes to the home page.
    /// </summary>
    private string SwitchTarget(string culture, string? returnUrl)
    {
        var home = PublishedUrls.Home(culture);
        if (returnUrl is null)
        {
            return home;
        }

        if (returnUrl == $"{home}?{PageLayoutBuilder.UntranslatedNoticeQuery}=1")
        {
            return returnUrl;
        }

        return snapshots.Current.Match(returnUrl) is { } match && match.Culture == culture ? returnUrl : home;
    }

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
