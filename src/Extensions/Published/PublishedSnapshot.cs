using System.Collections.Frozen;
using Spcncl.Content;
using Spcncl.Localization;

namespace Spcncl.Published;

/// <summary>
/// Every published document of every culture, in memory and immutable. A new snapshot is built and swapped in after
/// each change; requests read whichever snapshot was current when they started and never touch the database.
/// </summary>
public sealed class PublishedSnapshot
{
    private static readonly int[] NoChildren = [];

    private readonly FrozenDictionary<int, PublishedDocument> _byId;
    private readonly FrozenDictionary<Guid, PublishedDocument> _byKey;
    private readonly FrozenDictionary<int, int[]> _children;
    private readonly FrozenDictionary<string, FrozenDictionary<int, PageCulture>> _pages;
    private readonly FrozenDictionary<string, RouteMatch> _routes;
    private readonly FrozenDictionary<string, RedirectEntry> _redirects;
    private readonly FrozenDictionary<string, ManualRedirectEntry> _manualRedirects;
    private readonly ILookup<string, PublishedDocument> _byType;

    private PublishedSnapshot(
        long generation,
        SiteCultures cultures,
        FrozenDictionary<int, PublishedDocument> byId,
        FrozenDictionary<int, int[]> children,
        int? homeId,
        FrozenDictionary<string, FrozenDictionary<int, PageCulture>> pages,
        FrozenDictionary<string, RouteMatch> routes,
        FrozenDictionary<string, RedirectEntry> redirects,
        FrozenDictionary<string, ManualRedirectEntry> manualRedirects)
    {
        Generation = generation;
        Cultures = cultures;
        _byId = byId;
        _byKey = byId.Values.ToFrozenDictionary(d => d.Key);
        _children = children;
        Home = homeId is { } h ? byId[h] : null;
        _pages = pages;
        _routes = routes;
        _redirects = redirects;
        _manualRedirects = manualRedirects;
        _byType = byId.Values.OrderBy(d => d.SortOrder).ThenBy(d => d.Id).ToLookup(d => d.Type.Alias, StringComparer.Ordinal);
        LastPublishedUtc = byId.Count == 0 ? null : byId.Values.SelectMany(d => d.Variants.Values).Max(v => (DateTime?)v.PublishedUtc);
    }

    public static PublishedSnapshot Empty(SiteCultures cultures) => Build(0, cultures, [], []);

    /// <summary>Increases with every swap; caches can key on it.</summary>
    public long Generation { get; }

    public SiteCultures Cultures { get; }

    /// <summary>The site's home: the first routable document at the root.</summary>
    public PublishedDocument? Home { get; }

    public int Count => _byId.Count;

    public DateTime? LastPublishedUtc { get; }

    public IEnumerable<PublishedDocument> Documents => _byId.Values;

    public IReadOnlyCollection<RedirectEntry> Redirects => _redirects.Values;

    /// <summary>The redirects editors added by hand, by their normalised old path.</summary>
    public IReadOnlyCollection<ManualRedirectEntry> ManualRedirects => _manualRedirects.Values;

    public PublishedDocument? Get(int id) => _byId.GetValueOrDefault(id);

    /// <summary>All documents of a type, in sort order (e.g. the one 404 page, every product).</summary>
    public IEnumerable<PublishedDocument> OfType(string alias) => _byType[alias];

    public PublishedDocument? Get(Guid key) => _byKey.GetValueOrDefault(key);

    /// <summary>The rule: in which culture, with whose content and at which URL a page exists. Null when it does not exist in that culture.</summary>
    public PageCulture? In(PublishedDocument document, string culture) =>
        _pages.TryGetValue(culture, out var pages) ? pages.GetValueOrDefault(document.Id) : null;

    /// <summary>Every culture the page exists in, default culture first.</summary>
    public IReadOnlyList<PageCulture> CulturesOf(PublishedDocument document)
    {
        var result = new List<PageCulture>(Cultures.All.Count);
        foreach (var culture in Cultures.All)
        {
            if (In(document, culture.Code) is { } page)
            {
                result.Add(page);
            }
        }

        return result;
    }

    public PublishedDocument? Parent(PublishedDocument document) => document.ParentId is { } id ? Get(id) : null;

    /// <summary>All children in sort order, whatever their cultures.</summary>
    public IEnumerable<PublishedDocument> Children(PublishedDocument document) =>
        (_children.TryGetValue(document.Id, out var ids) ? ids : NoChildren).Select(id => _byId[id]);

    /// <summary>The children that exist in <paramref name="culture"/>, in sort order: what a list on that culture's page shows.</summary>
    public IEnumerable<PublishedDocument> Children(PublishedDocument document, string culture) =>
        Children(document).Where(c => In(c, culture) is not null);

    /// <summary>From the root down to the parent.</summary>
    public IReadOnlyList<PublishedDocument> Ancestors(PublishedDocument document)
    {
        var result = new List<PublishedDocument>();
        for (var parent = Parent(document); parent is not null; parent = Parent(parent))
        {
            result.Add(parent);
        }

        result.Reverse();
        return result;
    }

    /// <summary>The document and all its descendants, depth first.</summary>
    public IEnumerable<PublishedDocument> Branch(PublishedDocument document)
    {
        var stack = new Stack<PublishedDocument>();
        stack.Push(document);
        while (stack.TryPop(out var current))
        {
            yield return current;
            foreach (var child in Children(current).Reverse())
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>Finds the page at a normalised path (lower case, no trailing slash except the culture's home <c>/en/</c>).</summary>
    public RouteMatch? Match(string path) => _routes.GetValueOrDefault(path);

    /// <summary>
    /// Where an old path should go, or null: a renamed or moved page's current URL first, else the target of a
    /// redirect an editor added (its path compared as <see cref="ManualRedirectPaths.Normalise"/> spells it).
    /// </summary>
    public string? RedirectTarget(string path)
    {
        if (AutomaticTarget(path) is { } automatic)
        {
            return automatic;
        }

        return _manualRedirects.TryGetValue(ManualRedirectPaths.Normalise(path), out var manual) ? manual.Target : null;
    }

    /// <summary>The current URL of the page that used to live at <paramref name="path"/>, or null.</summary>
    public string? AutomaticTarget(string path)
    {
        if (!_redirects.TryGetValue(path, out var redirect) || Get(redirect.DocumentKey) is not { } document)
        {
            return null;
        }

        var url = In(document, redirect.Culture)?.Url;
        return url is null || url == path ? null : url;
    }

    public static PublishedSnapshot Build(
        long generation,
        SiteCultures cultures,
        IEnumerable<PublishedDocument> documents,
        IEnumerable<RedirectEntry> redirects,
        IEnumerable<ManualRedirectEntry>? manualRedirects = null)
    {
        var byId = documents.ToFrozenDictionary(d => d.Id);
        var children = byId.Values
            .Where(d => d.ParentId is { } p && byId.ContainsKey(p))
            .GroupBy(d => d.ParentId!.Value)
            .ToFrozenDictionary(g => g.Key, g => g.OrderBy(d => d.SortOrder).ThenBy(d => d.Id).Select(d => d.Id).ToArray());
        var home = byId.Values.Where(d => d.ParentId is null && d.Type.Routable).OrderBy(d => d.SortOrder).ThenBy(d => d.Id).FirstOrDefault();

        var pages = new Dictionary<string, FrozenDictionary<int, PageCulture>>(StringComparer.Ordinal);
        var routes = new Dictionary<string, RouteMatch>(StringComparer.Ordinal);
        foreach (var culture in cultures.All)
        {
            var map = new Dictionary<int, PageCulture>();

            // Top-down from the roots, so a page exists only where its parent does. Documents whose parent is not
            // published are never reached, so they exist nowhere.
            var queue = new Queue<(PublishedDocument Document, string? ParentUrl)>();
            foreach (var root in byId.Values.Where(d => d.ParentId is null).OrderBy(d => d.SortOrder).ThenBy(d => d.Id))
            {
                queue.Enqueue((root, null));
            }

            while (queue.TryDequeue(out var item))
            {
                var (document, parentUrl) = item;
                if (CultureRule.ContentCulture(document.Type, document.Variants.ContainsKey, culture.Code, cultures.Default.Code) is not { } found)
                {
                    continue;
                }

                var (contentCulture, isFallback) = found;
                string? url = null;
                if (document.Type.Routable)
                {
                    url = document.ParentId is null
                        ? (document == home ? PublishedUrls.Home(culture.Code) : null)
                        : parentUrl is null ? null : PublishedUrls.Child(parentUrl, document.Variants[contentCulture].UrlSegment);
                }

                // Siblings' segments are unique per culture, but a fallback page uses its Vietnamese segment, and two
                // concurrent publishes could collide: whoever does not get the route has no URL (and nor do its children).
                if (url is not null && !routes.TryAdd(url, new RouteMatch(document.Id, culture.Code)))
                {
                    url = null;
                }

                map[document.Id] = new PageCulture(culture.Code, contentCulture, url, isFallback);
                if (children.TryGetValue(document.Id, out var childIds))
                {
                    // Translated children first, so a translated page keeps its URL against an untranslated sibling's fallback.
                    foreach (var child in childIds.Select(id => byId[id]).OrderBy(c => c.Variants.ContainsKey(culture.Code) || !c.Type.VariesByCulture ? 0 : 1))
                    {
                        queue.Enqueue((child, url));
                    }
                }
            }

            pages[culture.Code] = map.ToFrozenDictionary();
        }

        var redirectMap = new Dictionary<string, RedirectEntry>(StringComparer.Ordinal);
        foreach (var redirect in redirects)
        {
            redirectMap[redirect.Path] = redirect;
        }

        var manualMap = new Dictionary<string, ManualRedirectEntry>(StringComparer.Ordinal);
        foreach (var redirect in manualRedirects ?? [])
        {
            manualMap[redirect.Path] = redirect;
        }

        return new PublishedSnapshot(
            generation,
            cultures,
            byId,
            children,
            home?.Id,
            pages.ToFrozenDictionary(StringComparer.Ordinal),
            routes.ToFrozenDictionary(StringComparer.Ordinal),
            redirectMap.ToFrozenDictionary(StringComparer.Ordinal),
            manualMap.ToFrozenDictionary(StringComparer.Ordinal));
    }

}

public sealed record RouteMatch(int DocumentId, string Culture);

public sealed record RedirectEntry(string Path, string Culture, Guid DocumentKey);

/// <summary>A redirect added by hand: a normalised old path and a local target.</summary>
public sealed record ManualRedirectEntry(int Id, string Path, string Target, string CreatedBy, DateTime CreatedUtc);
