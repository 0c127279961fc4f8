namespace Spcncl.Published;

/// <summary>
/// The alternate-language links of a page (hreflang in the head and in the sitemap): one per culture the page exists
/// in, plus <c>x-default</c>, which for the home page is the language-choosing root and otherwise the default culture.
/// </summary>
public static class PageAlternates
{
    public static IReadOnlyList<PageAlternate> For(PublishedSnapshot snapshot, PublishedDocument document)
    {
        var pages = snapshot.CulturesOf(document).Where(p => p.Url is not null).ToList();
        if (pages.Count == 0)
        {
            return [];
        }

        var result = pages.Select(p => new PageAlternate(p.Culture, p.Url!)).ToList();
        var xDefault = document == snapshot.Home
            ? "/"
            : (pages.FirstOrDefault(p => p.Culture == snapshot.Cultures.Default.Code) ?? pages[0]).Url!;
        result.Add(new PageAlternate("x-default", xDefault));
        return result;
    }
}

public sealed record PageAlternate(string HrefLang, string Url);
