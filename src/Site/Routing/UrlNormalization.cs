using Spcncl.Localization;

namespace Spcncl.Site.Routing;

/// <summary>
/// One canonical form per page: culture paths are lower case, the culture's home ends with a slash (<c>/en/</c>) and
/// no other page does (<c>/en/products</c>). Other spellings answer 301 to the canonical URL, query string kept.
/// Absurdly long or deep paths answer 404 before any lookup.
/// </summary>
public static class UrlNormalization
{
    public const int MaxPathLength = 1024;

    /// <summary>No page is this deep; deeper paths are 404 at once rather than redirected and looked up.</summary>
    public const int MaxSegments = 16;

    public static IApplicationBuilder UseUrlNormalization(this IApplicationBuilder app)
    {
        var cultures = app.ApplicationServices.GetRequiredService<SiteCultures>();
        return app.Use((context, next) =>
        {
            var request = context.Request;
            var path = request.Path.Value ?? "/";
            if (path.Length > MaxPathLength || path.Count(c => c == '/') > MaxSegments)
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
            {
                return next(context);
            }

            var canonical = Canonical(path, cultures);
            if (canonical is not null && !string.Equals(canonical, path, StringComparison.Ordinal))
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = canonical + request.QueryString;
                return Task.CompletedTask;
            }

            return next(context);
        });
    }

    /// <summary>
    /// The canonical spelling of a culture path, or null when the path does not start with a site culture or holds
    /// characters no page URL has (those go straight to the 404 page rather than to a redirect).
    /// </summary>
    public static string? Canonical(string path, SiteCultures cultures)
    {
        if (!path.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/'))
        {
            return null;
        }

        var end = path.IndexOf('/', 1);
        var first = end < 0 ? path[1..] : path[1..end];
        if (first.Length != 2 || !cultures.IsSupported(first.ToLowerInvariant()))
        {
            return null;
        }

        var lower = path.ToLowerInvariant();
        if (end < 0)
        {
            return lower + "/";
        }

        var trimmed = lower.TrimEnd('/');
        return trimmed.Length == 3 ? trimmed + "/" : trimmed;
    }
}
