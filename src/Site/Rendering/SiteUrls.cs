using Microsoft.Extensions.Options;

namespace Spcncl.Site.Rendering;

/// <summary>
/// Turns site paths into absolute URLs (canonical, hreflang, sitemap). Outside Development and Testing the origin is
/// always <c>Site:PublicUrl</c>, never the request's Host header, which a client controls.
/// </summary>
public sealed class SiteUrls
{
    private readonly string? _origin;

    public SiteUrls(IOptions<SiteOptions> options, IWebHostEnvironment environment)
    {
        _origin = options.Value.PublicUrl?.TrimEnd('/');
        if (_origin is null && !environment.IsDevelopment() && !environment.IsEnvironment("Testing"))
        {
            throw new Spcncl.Hosting.SiteConfigurationException($"Site:PublicUrl must be set in the {environment.EnvironmentName} environment (e.g. https://www.congnghiepchuluc-hanoi.gov.vn).");
        }

        if (_origin is not null && !Uri.TryCreate(_origin, UriKind.Absolute, out _))
        {
            throw new Spcncl.Hosting.SiteConfigurationException($"Site:PublicUrl '{_origin}' is not an absolute URL.");
        }
    }

    public string Absolute(HttpRequest request, string path) =>
        (_origin ?? $"{request.Scheme}://{request.Host.Value}") + path;

    /// <summary>The language switcher's link: it remembers the choice in a cookie, then goes to <paramref name="target"/>.</summary>
    public static string SwitchCulture(string culture, string target) =>
        $"/culture/{culture}?returnUrl={Uri.EscapeDataString(target)}";
}
