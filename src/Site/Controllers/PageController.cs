using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Spcncl.Site.Pages;
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
    PageHandlers handlers,
    Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery,
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
        if (snapshot.Match(path) is { } match)
        {
            var page = models.Create(snapshot.Get(match.DocumentId)!, culture, snapshot)!;
            return handlers.For(page.DocumentType) is { } handler
                ? Outcome(page, handler.Render(new PageRequest(page, [], HttpContext)))
                : Page(page, new RenderView(ViewPath(page.Document.Type.Template), page));
        }

        if (snapshot.RedirectTarget(path) is { } target)
        {
            return MovedTo(target);
        }

        return SubPath(snapshot, culture, path) is { } found
            ? Outcome(found.Page, found.Handler.Render(new PageRequest(found.Page, found.Remaining, HttpContext)))
            : NotFoundPage(snapshot, culture);
    }

    /// <summary>
    /// A form posted to a page (an enquiry to a supplier). Rate-limited per visitor. The antiforgery token is checked
    /// here rather than by the global filter so that a post to a page without a form is a plain 404, and a post whose
    /// token failed (the page stayed open for days, cookies blocked) gets its form back with what was typed and a
    /// message, not a blank 400.
    /// </summary>
    [HttpPost("{culture:siteCulture}/{**path}")]
    [EnableRateLimiting(SiteHost.PublicFormsPolicy)]
    [IgnoreAntiforgeryToken]
    public async Task<IActionResult> Post(string culture)
    {
        var snapshot = snapshots.Current;
        if (snapshot.Match(Request.Path.Value ?? "/") is { } match
            && models.Create(snapshot.Get(match.DocumentId)!, culture, snapshot) is { } page
            && handlers.For(page.DocumentType) is { } handler)
        {
            var request = new PageRequest(page, [], HttpContext) { FormTokenRejected = !await antiforgery.IsRequestValidAsync(HttpContext) };
            if (await handler.PostAsync(request) is { } outcome)
            {
                return Outcome(page, outcome);
            }
        }

        return NotFoundPage(snapshot, culture);
    }

    /// <summary>The deepest page above <paramref name="path"/> whose handler may answer the rest of it.</summary>
    private (PublishedPage Page, IPageHandler Handler, string[] Remaining)? SubPath(PublishedSnapshot snapshot, string culture, string path)
    {
        var segments = path.Trim('/').Split('/');
        for (var keep = segments.Length - 1; keep >= 1; keep--)
        {
            var prefix = "/" + string.Join('/', segments[..keep]);
            if (keep == 1)
            {
                prefix += "/";
            }

            if (snapshot.Match(prefix) is { } match
                && models.Create(snapshot.Get(match.DocumentId)!, culture, snapshot) is { } page
                && handlers.For(page.DocumentType) is { } handler)
            {
                return (page, handler, segments[keep..]);
            }
        }

        return null;
    }

    private IActionResult Outcome(PublishedPage page, PageOutcome? outcome) => outcome switch
    {
        RenderView view => Page(page, view),
        RedirectTo { StatusCode: StatusCodes.Status303SeeOther } redirect => SeeOther(redirect.Url),
        RedirectTo redirect => new RedirectResult(redirect.Url, permanent: redirect.StatusCode == StatusCodes.Status301MovedPermanently, preserveMethod: false) { UrlHelper = Url },
        ActionOutcome action => action.Result,
        _ => NotFoundPage(snapshots.Current, page.Culture),
    };

    /// <summary>After a form post: "see the result there", fetched with GET (a reload does not post again).</summary>
    private StatusCodeResult SeeOther(string url)
    {
        Response.Headers.Location = Url.IsLocalUrl(url) ? url : "/";
        return StatusCode(StatusCodes.Status303SeeOther);
    }

    private ViewResult Page(PublishedPage page, RenderView view)
    {
        Response.StatusCode = view.StatusCode;
        HttpContext.Features.Set(layouts.ForPage(page, Request, view.UrlSuffix, view.Title, view.NoIndex, view.Head));
        return View(view.View, view.Model);
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

    /// <summary>
    /// Any other path (and any other method on a page's path): a redirect an editor added for it (an old site's
    /// address), else the 404 page in the visitor's language.
    /// </summary>
    [IgnoreAntiforgeryToken]
    public IActionResult NotFoundAnywhere()
    {
        var snapshot = snapshots.Current;
        if ((HttpMethods.IsGet(Request.Method) || HttpMethods.IsHead(Request.Method)) && snapshot.RedirectTarget(Request.Path.Value ?? "/") is { } target)
        {
            return MovedTo(target);
        }

        return NotFoundPage(snapshot, cultureProvider.Preferred(Request).Code);
    }

    /// <summary>301 to a local target, with the request's query string unless the target has its own.</summary>
    private RedirectResult MovedTo(string target) =>
        RedirectPermanent(target.Contains('?', StringComparison.Ordinal) ? target : target + Request.QueryString);

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

        var snapshot = snapshots.Current;
        if (snapshot.Match(returnUrl) is { } match)
        {
            return match.Culture == culture ? returnUrl : home;
        }

        // A page's sub-path (/vi/chung-nhan/2023, /en/events/fair/calendar.ics): the page must exist in that culture
        // and answer sub-paths; the rest of the address is its handler's to judge.
        var path = returnUrl.Split('?', '#')[0];
        return !path.Contains("//", StringComparison.Ordinal) && !path.Contains("/.", StringComparison.Ordinal) && SubPath(snapshot, culture, path) is { Handler.HasSubPaths: true } found && found.Page.Culture == culture && found.Page.Url is { } pageUrl && path.StartsWith(pageUrl, StringComparison.Ordinal)
            ? returnUrl
            : home;
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
