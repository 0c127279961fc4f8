using Microsoft.Extensions.Options;

namespace Spcncl.Site.Rendering;

/// <summary>Turns site paths into absolute URLs (canonical, hreflang, sitemap), using <c>Site:PublicUrl</c> when set.</summary>
public sealed class SiteUrls(IOptions<SiteOptions> options)
{
    public string Absolute(HttpRequest request, string path)
    {
        var origin = options.Value.PublicUrl?.TrimEnd('/') ?? $"{request.Scheme}://{request.Host.Value}";
        return origin + path;
    }

    /// <summary>The language switcher's link: it remembers the choice in a cookie, then goes to <paramref name="target"/>.</summary>
    public static string SwitchCulture(string culture, string target) =>
        $"/culture/{culture}?returnUrl={Uri.EscapeDataString(target)}";
}
