using Spcncl.Published;

namespace Spcncl.Site.Routing;

/// <summary>
/// Old addresses that look like files (<c>/tin-tuc/chi-tiet.aspx</c>, the previous site's pages) match no endpoint
/// and no file in wwwroot; when an editor added a redirect for one, it answers 301 here. Pages and other paths get
/// their redirects from the page controller.
/// </summary>
public static class RedirectsForFiles
{
    public static IApplicationBuilder UseRedirectsForFiles(this IApplicationBuilder app)
    {
        var snapshots = app.ApplicationServices.GetRequiredService<PublishedSnapshotService>();
        return app.Use((context, next) =>
        {
            var request = context.Request;
            if (context.GetEndpoint() is null
                && (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method))
                && snapshots.Current.RedirectTarget(request.Path.Value ?? "/") is { } target)
            {
                context.Response.StatusCode = StatusCodes.Status301MovedPermanently;
                context.Response.Headers.Location = target.Contains('?', StringComparison.Ordinal) ? target : target + request.QueryString;
                return Task.CompletedTask;
            }

            return next(context);
        });
    }
}
