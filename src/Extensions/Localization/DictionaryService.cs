using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Spcncl.Content.Notifications;
using Spcncl.Persistence;

namespace Spcncl.Localization;

/// <summary>
/// Holds the dictionary in memory (loaded from the database at start-up) and answers lookups for the request's
/// culture. Reloaded whole when an edit's change instruction arrives, from this instance or another.
/// </summary>
public sealed class DictionaryService(SiteDbContextFactory dbFactory, SiteCultures cultures, ILogger<DictionaryService> logger)
    : Hosting.ISiteLoader, INotificationHandler<ContentChangedNotification>
{
    private volatile SiteDictionary _current = new([], cultures.Default.Code);

    public SiteDictionary Current => _current;

    public async Task LoadAsync(CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var entries = await db.DictionaryEntries.AsNoTracking().Select(e => new DictionaryEntry(e.Key, e.Culture, e.Value)).ToListAsync(ct);
        _current = new SiteDictionary(entries, cultures.Default.Code);
        logger.LogInformation("Dictionary loaded: {Count} keys", _current.Keys.Count);
    }

    public Task HandleAsync(ContentChangedNotification notification, CancellationToken cancellationToken) =>
        notification.Changes.Any(c => c.Kind is ContentChangeKind.RefreshDictionary or ContentChangeKind.RefreshAll)
            ? LoadAsync(cancellationToken)
            : Task.CompletedTask;
}

/// <summary>
/// What views use for every visible string: <c>@T["Nav.Home"]</c> in the current request's culture, and
/// <c>@T.Format("Footer.Copyright", year)</c> with the culture's number formatting.
/// </summary>
public sealed class SiteText(DictionaryService dictionary, SiteCultures cultures)
{
    public string this[string key] => dictionary.Current.Get(CurrentCulture, key);

    public string In(string culture, string key) => dictionary.Current.Get(culture, key);

    /// <summary>The string in the current culture, or null when the dictionary has no such key (for codes with optional messages).</summary>
    public string? TryGet(string key) => dictionary.Current.TryGet(CurrentCulture, key, out var value) ? value : null;

    public string Format(string key, params object?[] args) =>
        string.Format(cultures.Get(CurrentCulture).Info, this[key], args);

    /// <summary>
    /// A phrase about a count, with the count formatted for the culture: <c>Key.One</c> when the count is 1 and the
    /// culture has that form (English: "1 product"), otherwise <c>Key</c> ("12 products"; Vietnamese gives both the same text).
    /// </summary>
    public string Count(string key, long count)
    {
        var culture = CurrentCulture;
        var info = cultures.Get(culture).Info;
        var phrase = count == 1 && dictionary.Current.TryGet(culture, key + ".One", out var one) ? one : this[key];
        return string.Format(info, phrase, count.ToString("#,##0", info));
    }

    /// <summary>The site culture whose locale the request runs under (set by request localisation), or the default.</summary>
    public string CurrentCulture => cultures.FromLocale(CultureInfo.CurrentUICulture).Code;
}
