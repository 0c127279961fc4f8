namespace Spcncl.Published;

/// <summary>
/// How a page exists in one culture: whose content it shows and at which URL. The snapshot computes one for every
/// page and culture with a single rule, and the switcher, hreflang, canonical, sitemap and lists all read it.
/// </summary>
/// <param name="Culture">The culture of the request and the URL.</param>
/// <param name="ContentCulture">Where the name and per-culture values come from: the same culture, or the default one.</param>
/// <param name="Url">The path, e.g. <c>/en/products</c>; null for documents without a route (the 404 page).</param>
/// <param name="IsFallback">True when the page shows the default culture's content because it is not translated (marked on the page).</param>
public sealed record PageCulture(string Culture, string ContentCulture, string? Url, bool IsFallback);
