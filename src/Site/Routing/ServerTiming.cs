using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace Spcncl.Site.Routing;

/// <summary>When <c>Site:ServerTiming</c> is on, reports the time spent in the application as <c>Server-Timing: app;dur=…</c> (for benchmarks).</summary>
public static class ServerTiming
{
    public static IApplicationBuilder UseServerTiming(this IApplicationBuilder app)
    {
        if (!app.ApplicationServices.GetRequiredService<IOptions<SiteOptions>>().Value.ServerTiming)
        {
            return app;
        }

        return app.Use((context, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            context.Response.OnStarting(() =>
            {
                var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                context.Response.Headers["Server-Timing"] = string.Create(CultureInfo.InvariantCulture, $"app;dur={elapsed:0.###}");
                return Task.CompletedTask;
            });
            return next(context);
        });
    }
}
