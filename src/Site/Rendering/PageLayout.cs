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
    string? SearchUrl,
    SocialCard? Social = null,
    IReadOnlyList<FeedLink>? Feeds = null)
{
    /// <summary>A draft shown in the back office's preview: the layout says so at the top.</summary>
    public bool PreviewBanner { get; init; }

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

/// <summary>What a page adds to the layout's head. Handlers fill it; the layout prints it.</summary>
public sealed record PageHead(SocialCard? Social = null, IReadOnlyList<FeedLink>? Feeds = null);

/// <summary>
/// How a shared link looks (Open Graph and Twitter cards). <paramref name="Type"/> is <c>website</c> or <c>article</c>;
/// <paramref name="ImageUrl"/> absolute; <paramref name="Published"/> for articles.
/// </summary>
public sealed record SocialCard(string Title, string? Description, string Url, string Type = "website", string? ImageUrl = null, string? ImageAlt = null, DateTimeOffset? Published = null, string? Section = null, IReadOnlyList<string>? Tags = null)
{
    /// <summary>The page's locale as Open Graph writes it (<c>vi_VN</c>).</summary>
    public string Locale { get; init; } = "";
}

/// <summary>A feed advertised with <c>&lt;link rel="alternate"&gt;</c> (RSS or Atom).</summary>
public sealed record FeedLink(string Title, string Url, string Type);

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
