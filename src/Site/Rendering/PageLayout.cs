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
    SiteFooter Footer)
{
    /// <summary>The <c>lang</c> of the main content when it differs from the page's (an untranslated page falling back).</summary>
    public string? ContentLanguage => FallbackFromCulture;
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
