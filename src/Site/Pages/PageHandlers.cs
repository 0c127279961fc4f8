using Spcncl.Site.Rendering;
using Spcncl.Published.Models;

namespace Spcncl.Site.Pages;

/// <summary>
/// Renders one document type when its page needs more than its own content (Umbraco calls this route hijacking):
/// the catalogue's filters, a product's awards and enquiry form, the registry's years. A handler may also answer
/// sub-paths of its page (<c>/en/awards/2023</c>) and form posts to it.
/// </summary>
public interface IPageHandler
{
    string DocumentType { get; }

    /// <summary>Whether the page answers addresses below its own (a year, a calendar file, a download, a feed).</summary>
    bool HasSubPaths => false;

    /// <summary>The page (no sub-path) or one of its sub-paths; null for a sub-path it does not know (404).</summary>
    PageOutcome? Render(PageRequest request);

    /// <summary>A form posted to the page; null when the page takes no posts (404).</summary>
    Task<PageOutcome?> PostAsync(PageRequest request) => Task.FromResult<PageOutcome?>(null);

    /// <summary>The sub-paths worth listing in the sitemap beside the page itself (<c>/2023</c> for each registry year).</summary>
    IEnumerable<string> SitemapSuffixes() => [];
}

/// <param name="SubPath">The path segments after the page's own URL (empty for the page itself).</param>
public sealed record PageRequest(PublishedPage Page, IReadOnlyList<string> SubPath, HttpContext Http)
{
    public string Culture => Page.Culture;

    public IQueryCollection Query => Http.Request.Query;

    /// <summary>A post whose antiforgery token did not validate: the handler must not act on it, only show the form again.</summary>
    public bool FormTokenRejected { get; init; }
}

public abstract record PageOutcome;

/// <param name="UrlSuffix">Added to the page's URL in every culture for canonical, hreflang and the switcher (<c>/2023</c>).</param>
/// <param name="Title">The page title when it is not the page's name.</param>
/// <param name="Head">What the page adds to its head: a social card (Open Graph, Twitter) and feeds to advertise.</param>
public sealed record RenderView(string View, object Model, int StatusCode = StatusCodes.Status200OK, string UrlSuffix = "", string? Title = null, bool NoIndex = false, PageHead? Head = null) : PageOutcome;

public sealed record RedirectTo(string Url, int StatusCode = StatusCodes.Status303SeeOther) : PageOutcome;

/// <summary>An answer that is not a page: a feed, a calendar file, a download.</summary>
public sealed record ActionOutcome(Microsoft.AspNetCore.Mvc.IActionResult Result) : PageOutcome;

/// <summary>Finds the handler of a document type, if it has one.</summary>
public sealed class PageHandlers(IEnumerable<IPageHandler> handlers)
{
    private readonly Dictionary<string, IPageHandler> _byType = handlers.ToDictionary(h => h.DocumentType, StringComparer.Ordinal);

    public IPageHandler? For(string documentType) => _byType.GetValueOrDefault(documentType);
}
