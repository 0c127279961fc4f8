using Microsoft.AspNetCore.Localization;
using Spcncl.Localization;

namespace Spcncl.Site.Routing;

/// <summary>
/// The request's culture: the URL's first segment when it is a site culture; otherwise (<c>/</c>, <c>/sitemap.xml</c>,
/// unknown paths) the visitor's choice from the language switcher's cookie, then the browser's Accept-Language.
/// </summary>
public sealed class SiteRequestCultureProvider(SiteCultures cultures) : RequestCultureProvider
{
    public const string CookieName = "spcncl.culture";

    /// <summary>The back office's own language choice (the person's setting, kept in a cookie sent only to <c>/backoffice</c>).</summary>
    public const string BackOfficeCookieName = "spcncl.bo.culture";

    public override Task<ProviderCultureResult?> DetermineProviderCultureResult(HttpContext httpContext)
    {
        var request = httpContext.Request;
        var culture = request.Path.StartsWithSegments("/backoffice")
            ? cultures.TryGet(request.Cookies[BackOfficeCookieName], out var chosen) ? chosen : cultures.FromAcceptLanguage(request.Headers.AcceptLanguage)
            : FromPath(request.Path) ?? Preferred(request);
        var locale = culture.Info.Name;
        return Task.FromResult<ProviderCultureResult?>(new ProviderCultureResult(locale, locale));
    }

    /// <summary>The culture named by the path's first segment, if any.</summary>
    public SiteCulture? FromPath(PathString path)
    {
        var value = path.Value ?? "";
        if (value.Length < 3)
        {
            return null;
        }

        var code = value.Length == 3 || value[3] == '/' ? value[1..3] : null;
        return cultures.TryGet(code, out var culture) ? culture : null;
    }

    public System.Globalization.CultureInfo Locale(string code) => cultures.Get(code).Info;

    /// <summary>The visitor's preferred culture: the switcher's cookie, then Accept-Language, then the default.</summary>
    public SiteCulture Preferred(HttpRequest request) =>
        cultures.TryGet(request.Cookies[CookieName], out var chosen)
            ? chosen
            : cultures.FromAcceptLanguage(request.Headers.AcceptLanguage);
}
