using Spcncl.BackOffice;
using Spcncl.Published;

namespace Spcncl.Site.BackOffice.Operations;

// View models of the inboxes. The controller builds them; the views only print them.

public sealed record InboxHomeView(IReadOnlyList<InboxTile> Tiles);

public sealed record InboxTile(InboxKind Kind, string Slug, int Unhandled);

/// <summary>The filters as typed (echoed back into the form), and the dictionary keys of what could not be read.</summary>
public sealed record InboxQuery(string Handled, string? From, string? To, string? Q, string? About, IReadOnlyList<string> Problems);

public sealed record InboxListView(
    InboxKind Kind,
    string Slug,
    InboxQuery Query,
    IReadOnlyList<InboxRow> Rows,
    int Total,
    Pager Pager,
    IReadOnlyList<AboutChoice> About,
    string ExportUrl,
    string ReturnUrl)
{
    public static IReadOnlyList<string> HandledChoices { get; } = ["", "no", "yes"];
}

public sealed record InboxRow(InboxItem Item, string AboutName);

public sealed record AboutChoice(Guid Key, string Name, int Count);

public sealed record InboxDetailView(InboxKind Kind, string Slug, InboxItem Item, string AboutName, string? AboutUrl, string? EnterpriseName, string ReturnUrl);

/// <summary>How the back office names a page it links to: its name in the screens' language where it has one, and its public URL.</summary>
public static class PageNames
{
    public static (string Name, string? Url)? Describe(PublishedSnapshot snapshot, Guid key, string culture)
    {
        if (snapshot.Get(key) is not { } document || document.Variants.Count == 0)
        {
            return null;
        }

        var cultures = snapshot.CulturesOf(document);
        var page = snapshot.In(document, culture) ?? (cultures.Count > 0 ? cultures[0] : null);
        var name = page is not null && document.Variants.TryGetValue(page.ContentCulture, out var variant) ? variant.Name : document.Variants.Values.First().Name;
        return (name, page?.Url);
    }
}
