using System.Diagnostics;
using System.Net.Sockets;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Spcncl.Media;
using Spcncl.Registry.Enquiries;
using Spcncl.Security;

namespace Spcncl.Site.BackOffice.Operations;

/// <summary>
/// The health page's checks, each a line with a state and what was found: the configuration (public address, SMTP,
/// the image-signing key), the database, SMTP reachability (a short TCP connect, never a message sent), the search
/// index and the published snapshot (the same checks as <c>/health</c>), the security headers of a response (the
/// health page's own, which passed through the same middleware as every other), and HTTPS.
/// </summary>
public sealed class HealthProbe(
    HealthCheckService checks,
    IOptions<SiteOptions> site,
    IOptionsMonitor<SmtpOptions> smtp,
    IOptions<MediaOptions> media,
    IWebHostEnvironment environment)
{
    public static readonly TimeSpan SmtpTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthView> RunAsync(HttpContext http, CancellationToken ct)
    {
        var report = await checks.CheckHealthAsync(ct);
        return new HealthView(
        [
            new HealthSection("BackOffice.Health.Configuration", Configuration()),
            new HealthSection("BackOffice.Health.Database", [.. Entry(report, "database", "BackOffice.Health.Database", e => [Data(e, "provider"), Data(e, "database"), Data(e, "documents"), Data(e, "pendingMigrations")])]),
            new HealthSection("BackOffice.Health.Smtp", [await SmtpAsync(ct)]),
            new HealthSection("BackOffice.Health.Index",
            [
                .. Entry(report, "search", "BackOffice.Health.Search", e => [Data(e, "documents")]),
                .. Entry(report, "snapshot", "BackOffice.Health.Snapshot", e => [Data(e, "documents")]),
            ]),
            new HealthSection("BackOffice.Health.Headers", Headers(http.Response.Headers)),
            new HealthSection("BackOffice.Health.Https", Https(http.Request)),
        ]);
    }

    private List<HealthLine> Configuration()
    {
        var lines = new List<HealthLine>();
        var publicUrl = site.Value.PublicUrl;
        lines.Add(publicUrl switch
        {
            null or "" => new HealthLine("BackOffice.Health.PublicUrl", environment.IsProduction() ? HealthState.Failed : HealthState.Warning, "BackOffice.Health.PublicUrl.NotSet", []),
            _ when publicUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase) => new HealthLine("BackOffice.Health.PublicUrl", HealthState.Ok, "BackOffice.Health.PublicUrl.Set", [publicUrl]),
            _ => new HealthLine("BackOffice.Health.PublicUrl", HealthState.Warning, "BackOffice.Health.PublicUrl.NotHttps", [publicUrl]),
        });
        var mail = smtp.CurrentValue;
        lines.Add(mail.Configured
            ? new HealthLine("BackOffice.Health.SmtpConfigured", HealthState.Ok, "BackOffice.Health.SmtpConfigured.Yes", [mail.Host, mail.Port, mail.ProgrammeInbox])
            : new HealthLine("BackOffice.Health.SmtpConfigured", HealthState.Warning, "BackOffice.Health.SmtpConfigured.No", []));
        lines.Add(media.Value.SigningKey is { Length: > 0 }
            ? new HealthLine("BackOffice.Health.SigningKey", HealthState.Ok, "BackOffice.Health.SigningKey.Configured", [])
            : new HealthLine("BackOffice.Health.SigningKey", HealthState.Ok, "BackOffice.Health.SigningKey.Generated", []));
        return lines;
    }

    private static IEnumerable<HealthLine> Entry(HealthReport report, string name, string key, Func<HealthReportEntry, object?[]> arguments)
    {
        if (!report.Entries.TryGetValue(name, out var entry))
        {
            yield return new HealthLine(key, HealthState.Failed, "BackOffice.Health.Missing", [name]);
            yield break;
        }

        var state = entry.Status switch
        {
            HealthStatus.Healthy => HealthState.Ok,
            HealthStatus.Degraded => HealthState.Warning,
            _ => HealthState.Failed,
        };
        yield return new HealthLine(key, state, $"{key}.{entry.Status}", arguments(entry));
    }

    private static object? Data(HealthReportEntry entry, string name) => entry.Data.TryGetValue(name, out var value) ? value : null;

    /// <summary>Connects to the SMTP server and hangs up: proves the address, port and firewall, sends nothing.</summary>
    private async Task<HealthLine> SmtpAsync(CancellationToken ct)
    {
        var mail = smtp.CurrentValue;
        if (!mail.Configured)
        {
            return new HealthLine("BackOffice.Health.SmtpReachable", HealthState.Warning, "BackOffice.Health.SmtpConfigured.No", []);
        }

        var watch = Stopwatch.StartNew();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(SmtpTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(mail.Host!, mail.Port, timeout.Token);
            return new HealthLine("BackOffice.Health.SmtpReachable", HealthState.Ok, "BackOffice.Health.SmtpReachable.Yes", [mail.Host, mail.Port, watch.ElapsedMilliseconds]);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return new HealthLine("BackOffice.Health.SmtpReachable", HealthState.Failed, "BackOffice.Health.SmtpReachable.Timeout", [mail.Host, mail.Port, (int)SmtpTimeout.TotalSeconds]);
        }
        catch (SocketException ex)
        {
            return new HealthLine("BackOffice.Health.SmtpReachable", HealthState.Failed, "BackOffice.Health.SmtpReachable.No", [mail.Host, mail.Port, ex.SocketErrorCode.ToString()]);
        }
    }

    /// <summary>The headers every response should carry, as this response carries them.</summary>
    private static List<HealthLine> Headers(IHeaderDictionary headers)
    {
        var csp = headers.ContentSecurityPolicy.ToString();
        var scripts = csp.Split(';').Select(d => d.Trim()).FirstOrDefault(d => d.StartsWith("script-src", StringComparison.Ordinal)) ?? "";
        return
        [
            Header("Content-Security-Policy", csp.Length > 0 && csp.Contains("frame-ancestors 'none'", StringComparison.Ordinal) && scripts.Length > 0 && !scripts.Contains("'unsafe-inline'", StringComparison.Ordinal), csp),
            Header("X-Content-Type-Options", headers.XContentTypeOptions == "nosniff", headers.XContentTypeOptions.ToString()),
            Header("X-Frame-Options", headers.XFrameOptions == "DENY", headers.XFrameOptions.ToString()),
            Header("Referrer-Policy", headers["Referrer-Policy"].ToString().Length > 0, headers["Referrer-Policy"].ToString()),
            Header("Permissions-Policy", headers["Permissions-Policy"].ToString().Length > 0, headers["Permissions-Policy"].ToString()),
        ];

        static HealthLine Header(string name, bool good, string value) =>
            new("BackOffice.Health.Header", good ? HealthState.Ok : HealthState.Failed, value.Length == 0 ? "BackOffice.Health.Header.Missing" : good ? "BackOffice.Health.Header.Ok" : "BackOffice.Health.Header.Weak", [name, value]);
    }

    private List<HealthLine> Https(HttpRequest request)
    {
        var production = !environment.IsDevelopment() && !environment.IsEnvironment("Testing");
        return
        [
            request.IsHttps
                ? new HealthLine("BackOffice.Health.HttpsRequest", HealthState.Ok, "BackOffice.Health.HttpsRequest.Yes", [])
                : new HealthLine("BackOffice.Health.HttpsRequest", production ? HealthState.Failed : HealthState.Warning, "BackOffice.Health.HttpsRequest.No", [environment.EnvironmentName]),
            production
                ? new HealthLine("BackOffice.Health.Hsts", HealthState.Ok, "BackOffice.Health.Hsts.On", [])
                : new HealthLine("BackOffice.Health.Hsts", HealthState.Warning, "BackOffice.Health.Hsts.Off", [environment.EnvironmentName]),
            new HealthLine("BackOffice.Health.Cookies", HealthState.Ok, production ? "BackOffice.Health.Cookies.Secure" : "BackOffice.Health.Cookies.SameAsRequest", []),
        ];
    }
}
