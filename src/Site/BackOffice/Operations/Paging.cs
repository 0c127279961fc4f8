using Microsoft.AspNetCore.WebUtilities;

namespace Spcncl.Site.BackOffice.Operations;

/// <summary>Links to the pages of a long list, the filters kept: the current page, a few either side, the first and the last.</summary>
public sealed record Pager(int Page, int PageCount, IReadOnlyList<PageLink> Links, string? Previous, string? Next)
{
    public static Pager For(int page, int pageCount, Func<int, string> url)
    {
        var numbers = new SortedSet<int> { 1, pageCount };
        for (var n = Math.Max(1, page - 2); n <= Math.Min(pageCount, page + 2); n++)
        {
            numbers.Add(n);
        }

        return new Pager(
            page,
            pageCount,
            [.. numbers.Select(n => new PageLink(n, url(n), n == page))],
            page > 1 ? url(page - 1) : null,
            page < pageCount ? url(page + 1) : null);
    }
}

public sealed record PageLink(int Number, string Url, bool Current);

/// <summary>Back-office addresses with a query string: empty values are left out, everything is escaped.</summary>
public static class BackOfficeUrl
{
    public static string With(string path, params (string Name, string? Value)[] query) =>
        QueryHelpers.AddQueryString(path, query.Where(q => !string.IsNullOrEmpty(q.Value)).Select(q => new KeyValuePair<string, string?>(q.Name, q.Value)));

    /// <summary>A return address posted back with a form: kept only when it is a local back-office path.</summary>
    public static string? Local(string? url, string prefix) =>
        url is not null && url.StartsWith(prefix, StringComparison.Ordinal) && !url.StartsWith("//", StringComparison.Ordinal)
        && !url.Contains('\\', StringComparison.Ordinal) && !url.Any(char.IsControl) ? url : null;
}
