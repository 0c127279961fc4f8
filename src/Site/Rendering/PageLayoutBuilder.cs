using Microsoft.Extensions.Options;
using Spcncl.Localization;
using Spcncl.Published;
using Spcncl.Published.Models;

namespace Spcncl.Site.Rendering;

/// <summary>
/// Builds the layout of a page from the snapshot: navigation from the tree, breadcrumbs, the language switcher and
/// the hreflang/canonical links, all from the one rule of which cultures a page exists in (<see cref="PublishedSnapshot.In"/>).
/// </summary>
public sealed class PageLayoutBuilder(PublishedModelFactory models, SiteText text, SiteCultures cultures, SiteUrls urls, IOptions<SiteOptions> options)
{
    public const string UntranslatedNoticeQuery = "untranslated";

    private readonly PerSnapshot<SiteFrame> _frames = new((snapshot, culture) => SiteFrame.Of(snapshot, culture, models));

    /// <param name="urlSuffix">A sub-path the page's handler answers (<c>/2023</c>): canonical, hreflang and the switcher carry it.</param>
    /// <param name="head">The page's social card and feeds; without a card, one is made from the title and description.</param>
    public PageLayout ForPage(PublishedPage page, HttpRequest request, string urlSuffix = "", string? title = null, bool noIndex = false, PageHead? head = null)
    {
        var snapshot = page.Snapshot;
        var culture = page.Culture;
        var isHome = page.Document == snapshot.Home && urlSuffix.Length == 0;
        var fullTitle = isHome ? text["Site.Name"] : $"{title ?? page.Name} · {text["Site.ShortName"]}";
        var alternates = PageAlternates.For(snapshot, page.Document)
            .Select(a => a with { Url = urls.Absolute(request, a.HrefLang == "x-default" && a.Url == "/" ? a.Url : a.Url + urlSuffix) })
            .ToList();

        var languages = cultures.All.Select(c =>
        {
            var target = snapshot.In(page.Document, c.Code)?.Url is { } pageUrl ? pageUrl + urlSuffix : null;
            return new LanguageOption(
                c.Code,
                c.NativeName,
                SiteUrls.SwitchCulture(c.Code, target ?? $"{PublishedUrls.Home(c.Code)}?{UntranslatedNoticeQuery}=1"),
                c.Code == culture,
                target is not null);
        }).ToList();

        var ancestors = snapshot.Ancestors(page.Document).Select(d => d.Id).ToHashSet();
        var breadcrumbs = isHome
            ? []
            : snapshot.Ancestors(page.Document)
                .Select(d => models.Create(d, culture, snapshot))
                .OfType<PublishedPage>()
                .Where(p => p.Url is not null)
                .Select(p => new NavigationItem(p.Document == snapshot.Home ? text["Nav.Home"] : p.Name, p.Url!, false, true))
                .Append(new NavigationItem(page.Name, page.Url ?? "", urlSuffix.Length == 0, true))
                .Concat(urlSuffix.Length == 0 ? [] : [new NavigationItem(title ?? urlSuffix.Trim('/'), page.Url + urlSuffix, true, true)])
                .ToList();

        return new PageLayout(
            culture,
            fullTitle,
            page.MetaDescription,
            page.Url is null ? null : urls.Absolute(request, page.Url + urlSuffix),
            alternates,
            Navigation(snapshot, culture, page.Document.Id, ancestors),
            breadcrumbs,
            languages,
            PublishedUrls.Home(culture),
            page.IsFallback ? page.ContentCulture : null,
            isHome && request.Query.ContainsKey(UntranslatedNoticeQuery),
            options.Value.DemoBanner,
            noIndex,
            Footer(snapshot, culture),
            SearchUrl(snapshot, culture),
            page.Url is null ? null : (head?.Social ?? new SocialCard(title ?? page.Name, page.MetaDescription, urls.Absolute(request, page.Url + urlSuffix)))
                with { Locale = cultures.Get(culture).Info.Name.Replace('-', '_') },
            head?.Feeds ?? []);
    }

    /// <summary>The layout of the 404 and error pages: no canonical or alternates, not indexed, the switcher pointing at each home.</summary>
    public PageLayout ForSystemPage(PublishedSnapshot snapshot, string culture, string title)
    {
        var languages = cultures.All
            .Select(c => new LanguageOption(c.Code, c.NativeName, SiteUrls.SwitchCulture(c.Code, PublishedUrls.Home(c.Code)), c.Code == culture, false))
            .ToList();
        return new PageLayout(
            culture,
            $"{title} · {text["Site.ShortName"]}",
            null,
            null,
            [],
            Navigation(snapshot, culture, currentId: null, []),
            [],
            languages,
            PublishedUrls.Home(culture),
            null,
            false,
            options.Value.DemoBanner,
            NoIndex: true,
            Footer(snapshot, culture),
            SearchUrl(snapshot, culture));
    }

    private List<NavigationItem> Navigation(PublishedSnapshot snapshot, string culture, int? currentId, HashSet<int> ancestors)
    {
        var frame = _frames.Get(snapshot, culture);
        var items = new List<NavigationItem>(frame.Sections.Count + 1);
        if (frame.Home is not { } home)
        {
            return items;
        }

        items.Add(new NavigationItem(text["Nav.Home"], home.Url, currentId == home.Id, false));
        foreach (var section in frame.Sections)
        {
            items.Add(new NavigationItem(section.Name, section.Url, section.Id == currentId, ancestors.Contains(section.Id)));
        }

        return items;
    }

    private SiteFooter Footer(PublishedSnapshot snapshot, string culture) => _frames.Get(snapshot, culture).Footer;

    private string? SearchUrl(PublishedSnapshot snapshot, string culture) => _frames.Get(snapshot, culture).SearchUrl;

    private sealed record FramePage(int Id, string Name, string Url);

    /// <summary>
    /// What every page of a culture shows around its content and takes from the snapshot alone: the home and the
    /// sections in the main navigation, the footer's contact details and the search page. Worked out once per snapshot.
    /// </summary>
    private sealed record SiteFrame(FramePage? Home, IReadOnlyList<FramePage> Sections, SiteFooter Footer, string? SearchUrl)
    {
        public static SiteFrame Of(PublishedSnapshot snapshot, string culture, PublishedModelFactory models)
        {
            // The search page in the culture, for the box in the header of every page.
            var searchUrl = snapshot.OfType("searchPage").Select(d => snapshot.In(d, culture)?.Url).FirstOrDefault(u => u is not null);
            var contact = snapshot.Home is { } root
                ? snapshot.Children(root, culture).Select(d => models.Create(d, culture, snapshot)).OfType<ContactPage>().FirstOrDefault()
                : null;
            var footer = new SiteFooter(contact?.Organisation, contact?.Address, contact?.Phone, contact?.PhoneUri, contact?.Email, contact?.Url);
            if (snapshot.Home is not { } home || models.Create(home, culture, snapshot) is not { } homePage)
            {
                return new SiteFrame(null, [], footer, searchUrl);
            }

            return new SiteFrame(
                new FramePage(home.Id, homePage.Name, homePage.Url!),
                [.. homePage.Children.Where(c => c.Url is not null && !c.HideFromNavigation).Select(c => new FramePage(c.Id, c.Name, c.Url!))],
                footer,
                searchUrl);
        }
    }
}
