using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Spcncl.Site.Routing;

/// <summary>
/// Writes <c>/health</c> as JSON: the overall status for everyone; each check's description and figures (database
/// location, counts) only for callers on this machine or in Development.
/// </summary>
public static class HealthResponse
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        context.Response.Headers.CacheControl = "no-store";
        var remote = context.Connection.RemoteIpAddress;
        var detailed = remote is null || System.Net.IPAddress.IsLoopback(remote) || context.RequestServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment();
        if (!detailed)
        {
            return context.Response.WriteAsync(JsonSerializer.Serialize(new { status = report.Status.ToString() }, Options));
        }

        var body = new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new { status = e.Value.Status.ToString(), description = e.Value.Description, data = e.Value.Data }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Options));
    }
}
