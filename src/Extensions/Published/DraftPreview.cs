using System.Collections.Frozen;
using Spcncl.Content.Documents;
using Spcncl.Content.DocumentTypes;

namespace Spcncl.Published;

/// <summary>
/// A draft shown as the site would show it once published (the back office's preview): the draft's names and values
/// in place of the published ones, in the real layout, next to the rest of the published site.
/// </summary>
public static class DraftPreview
{
    public static PublishedDocument FromDraft(Document draft, DocumentType type, DateTime nowUtc) =>
        new(
            draft.Id,
            draft.Key,
            draft.ParentId,
            draft.SortOrder,
            type,
            draft.CreatedUtc,
            draft.SharedValues.ToFrozenDictionary(StringComparer.Ordinal),
            draft.Cultures.ToFrozenDictionary(
                c => c.Key,
                c => new PublishedVariant(c.Key, c.Value.Name, c.Value.UrlSegment, c.Value.PublishedUtc ?? nowUtc, c.Value.UpdatedUtc, c.Value.Values.ToFrozenDictionary(StringComparer.Ordinal)),
                StringComparer.Ordinal));

    /// <summary>
    /// How the draft would exist in <paramref name="culture"/>: its own translation, the default culture's content when
    /// its type falls back, or null. The URL is where it would be published (under its parent's current URL).
    /// </summary>
    public static PageCulture? In(PublishedDocument draft, string culture, PublishedSnapshot snapshot)
    {
        var defaultCulture = snapshot.Cultures.Default.Code;
        var content = draft.Variants.ContainsKey(culture) ? culture
            : draft.Type.CultureFallback && draft.Variants.ContainsKey(defaultCulture) ? defaultCulture
            : null;
        if (content is null)
        {
            return null;
        }

        var parentUrl = draft.ParentId is { } parentId && snapshot.Get(parentId) is { } parent && snapshot.In(parent, culture)?.Url is { } url ? url.TrimEnd('/') : $"/{culture}";
        var segment = draft.Variants[content].UrlSegment;
        return new PageCulture(culture, content, draft.ParentId is null ? $"/{culture}/" : $"{parentUrl}/{segment}", content != culture);
    }
}
