using Microsoft.AspNetCore.Http.Features;

namespace Spcncl.Site.Pages;

/// <summary>What every page with a public form does.</summary>
public static class PublicForms
{
    /// <summary>A page that carries an antiforgery token and echoes what was typed is never compressed (BREACH).</summary>
    public static void DoNotCompress(PageRequest request)
    {
        if (request.Http.Features.Get<IHttpsCompressionFeature>() is { } compression)
        {
            compression.Mode = HttpsCompressionMode.DoNotCompress;
        }
    }
}
