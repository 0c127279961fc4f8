using Spcncl.Published;

namespace Spcncl.Site.Rendering;

/// <summary>Everything the shared layout renders around a page. Built by <see cref="PageLayoutBuilder"/>; the layout only prints it.</summary>
public sealed record PageLayout(
    string Culture,
    string Title,
    string? MetaDescription,
    string? CanonicalUrl,
    IReadOnlyList<PageAlternate> Alternates,
    IReadOnlyList<NavigationItem> Navigation,
    IReadOnlyList<NavigationItem> Breadcrumbs,
    IReadOnlyList<LanguageOption> Languages,
    string HomeUrl,
    string? FallbackFromCulture,
    bool ShowUntranslatedNotice,
    bool ShowDemoBanner,
    bool NoIndex,
    SiteFooter Footer,
    string? SearchUrl)
{
    /// <summary>The <c>lang</c> of the main content when it differs from the page's (an untranslated page falling back).</summary>
    public string? ContentLanguage => FallbackFromCulture;

    /// <summary>
    /// The font files the page needs before its first paint: body, navigation and headings (400, 600, 700) in the
    /// Latin subset, plus the Vietnamese subset on Vietnamese pages (English pages show Vietnamese names too, but
    /// below the fold; there the font simply arrives for the next page).
    /// </summary>
    public IReadOnlyList<string> FontPreloads => Culture == "vi" ? VietnameseFaces : LatinFaces;

    private static readonly string[] LatinFaces = [.. Faces("latin")];

    private static readonly string[] VietnameseFaces = [.. Faces("latin"), .. Faces("vietnamese")];

    private static IEnumerable<string> Faces(string subset) =>
        from weight in (int[])[400, 600, 700] select $"/fonts/be-vietnam-pro-{subset}-{weight}-normal.woff2";
}

public sealed record NavigationItem(string Name, string Url, bool IsCurrent, bool IsInPath);

/// <summary>One entry of the language switcher. <see cref="PageExists"/> false: the link goes to that culture's home with a notice.</summary>
public sealed record LanguageOption(string Culture, string NativeName, string Url, bool IsCurrent, bool PageExists);

public sealed record SiteFooter(string? Organisation, string? Address, string? Phone, string? PhoneUri, string? Email, string? ContactUrl);

public static class PageLayoutHttpContextExtensions
{
    /// <summary>The layout the controller prepared for this request.</summary>
    public static PageLayout GetPageLayout(this HttpContext context) =>
        context.Features.Get<PageLayout>() ?? throw new InvalidOperationException("The controller did not prepare a PageLayout for this request.");
}
