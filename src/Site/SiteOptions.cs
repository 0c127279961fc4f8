namespace Spcncl.Site;

/// <summary>Host settings bound from <c>Site</c>.</summary>
public sealed class SiteOptions
{
    /// <summary>The public address used in canonical links and the sitemap (e.g. <c>https://www.congnghiepchuluc-hanoi.gov.vn</c>). Unset: the request's own host.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Shows the "demo data" banner (on in Development).</summary>
    public bool DemoBanner { get; set; }

    /// <summary>Adds a <c>Server-Timing</c> header with the time spent in the application (for benchmarks).</summary>
    public bool ServerTiming { get; set; }

    public PublicFormsOptions PublicForms { get; set; } = new();

    /// <summary>
    /// The addresses of the reverse proxies in front of the site (e.g. <c>["10.0.0.5"]</c>). Their X-Forwarded-For and
    /// X-Forwarded-Proto are then believed, so rate limits count each visitor, not the proxy, and HTTPS is known.
    /// Empty: no forwarded header is trusted.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>How many sign-in attempts one address may make per ten minutes (on top of the per-account lockout).</summary>
    public int SignInPermitLimit { get; set; } = 30;
}

/// <summary>How many form posts one visitor address may make per window.</summary>
public sealed class PublicFormsOptions
{
    public int PermitLimit { get; set; } = 5;

    public int WindowSeconds { get; set; } = 600;
}
