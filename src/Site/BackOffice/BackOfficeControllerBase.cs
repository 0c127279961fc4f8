using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Spcncl.BackOffice;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// What every back-office screen shares: the sign-in requirement, the person (loaded fresh for each request), the
/// screens' language (the person's choice), no caching anywhere, and one way to refuse an action: 403 and an audit entry.
/// </summary>
[Authorize(Policy = BackOfficeHost.Policy)]
public abstract class BackOfficeControllerBase(BackOfficeContext context) : Controller
{
    protected BackOfficeContext BackOffice { get; } = context;

    /// <summary>The signed-in person (set before every action runs).</summary>
    protected BackOfficeIdentity Me => BackOffice.Me!;

    /// <summary>
    /// The part of the back office every action of this controller belongs to: checked on the server before each
    /// action, and a person without it is refused (403, audited). Null: each action checks for itself.
    /// </summary>
    protected virtual BackOfficeArea? Area => null;

    public override async Task OnActionExecutionAsync(ActionExecutingContext context, ActionExecutionDelegate next)
    {
        // Signing in is for people who are not signed in yet; those actions prepare their own screens.
        if (context.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any())
        {
            await next();
            return;
        }

        if (await BackOffice.LoadAsync(User) is not { } me)
        {
            context.Result = new RedirectResult(BackOfficeHost.Path + "/sign-in");
            return;
        }

        BackOfficeScreen.Prepare(HttpContext, me);
        if (Area is { } area && !BackOfficePermissions.Can(me, area))
        {
            context.Result = await RefuseAsync($"{area}: {Request.Method} {Request.Path}");
            return;
        }

        await next();
    }

    /// <summary>Refuses an action the person may not take: 403 with the reason on the page, and a line in the audit log.</summary>
    protected async Task<IActionResult> RefuseAsync(string what, int? documentId = null, string? cultures = null)
    {
        await BackOffice.RecordRefusalAsync(what, documentId, cultures);
        Response.StatusCode = StatusCodes.Status403Forbidden;
        return View("~/Views/BackOffice/Refused.cshtml");
    }
}

/// <summary>The settings every back-office response gets, signed in or not.</summary>
public static class BackOfficeScreen
{
    public static void Prepare(HttpContext http, BackOfficeIdentity? me)
    {
        // Never cached, never indexed, never framed (frame-ancestors comes with every response).
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        if (me is not null)
        {
            http.Features.Set(new BackOfficeNavigation(me, http.Request.Path.Value ?? ""));
        }
    }

    /// <summary>
    /// Remembers the screens' language (the request culture provider reads it for every <c>/backoffice</c> request):
    /// set at sign-in from the person's setting, when they change it, or on the sign-in page.
    /// </summary>
    public static void RememberLanguage(HttpResponse response, bool secure, string culture) =>
        response.Cookies.Append(Routing.SiteRequestCultureProvider.BackOfficeCookieName, culture, new CookieOptions
        {
            Path = BackOfficeHost.Path,
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = secure,
            MaxAge = TimeSpan.FromDays(365),
        });
}

/// <summary>The back office's menu for one person: only the parts they may use, and which one they are in.</summary>
public sealed class BackOfficeNavigation(BackOfficeIdentity me, string path)
{
    public BackOfficeIdentity Me { get; } = me;

    /// <summary>How the person is called on screen: their display name, or their sign-in name.</summary>
    public string Name => Me.DisplayName.Length > 0 ? Me.DisplayName : Me.UserName;

    /// <summary>The menu of the request's person, or null before sign-in.</summary>
    public static BackOfficeNavigation? Of(HttpContext http) => http.Features.Get<BackOfficeNavigation>();

    public bool Has(BackOfficeArea area) => BackOfficePermissions.Can(Me, area);

    /// <summary><c>page</c> for the menu entry of the part being shown (its <c>aria-current</c>), otherwise null.</summary>
    public string? Current(string prefix) =>
        prefix == BackOfficeHost.Path
            ? path is BackOfficeHost.Path or BackOfficeHost.Path + "/" ? "page" : null
            : path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal) ? "page" : null;
}
