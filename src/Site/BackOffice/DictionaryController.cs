using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Spcncl.BackOffice;
using Spcncl.Localization;
using Spcncl.Registry;
using Spcncl.Site.BackOffice.Operations;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// The dictionary of UI strings, both cultures side by side: searched by key or text (accents optional), a page at a
/// time, saved all or nothing through <see cref="DictionaryEditor"/>. A save changes what the site shows at once,
/// on this instance and the others; only the strings the editor changed are sent, so a string someone else saved
/// meanwhile is not overwritten unless both changed it (then the save is refused and says so).
/// </summary>
[Route(BackOfficeHost.Path + "/settings/dictionary")]
public sealed class DictionaryController(BackOfficeContext context, DictionaryService dictionary, DictionaryEditor editor, SiteCultures cultures, SiteText text)
    : BackOfficeControllerBase(context)
{
    public const int PageSize = 25;

    protected override BackOfficeArea? Area => BackOfficeArea.Dictionary;

    [HttpGet("")]
    public IActionResult Index(string? q, string? group, string? page, string? saved)
    {
        var current = dictionary.Current;
        var query = q?.Trim() is { Length: > 0 } t ? (t.Length > 200 ? t[..200] : t) : null;
        var groups = current.Keys.Select(Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var chosenGroup = group is not null && groups.Contains(group) ? group : null;
        var folded = query is null ? null : ProductCatalogue.Fold(query);
        var keys = current.Keys
            .Where(k => chosenGroup is null || Group(k) == chosenGroup)
            .Where(k => folded is null || ProductCatalogue.Fold(k).Contains(folded, StringComparison.Ordinal)
                || cultures.Codes.Any(c => current.TryGet(c, k, out var value) && ProductCatalogue.Fold(value).Contains(folded, StringComparison.Ordinal)))
            .ToList();
        var pages = Math.Max(1, (keys.Count + PageSize - 1) / PageSize);
        var number = Math.Clamp(int.TryParse(page, out var p) ? p : 1, 1, pages);
        var shown = keys.Skip((number - 1) * PageSize).Take(PageSize).ToList();
        var values = new Dictionary<(string, string), string>();
        foreach (var key in shown)
        {
            foreach (var culture in cultures.Codes)
            {
                values[(key, culture)] = current.TryGet(culture, key, out var value) ? value : "";
            }
        }

        return Page(query, chosenGroup, groups, shown, values, values, new Dictionary<(string, string), DictionaryEditProblem>(), keys.Count, number, pages, int.TryParse(saved, out var n) ? n : null);
    }

    [HttpPost("")]
    public async Task<IActionResult> Save()
    {
        var form = await Request.ReadFormAsync(HttpContext.RequestAborted);
        var count = int.TryParse(form["count"], out var c) ? Math.Clamp(c, 0, PageSize) : 0;
        var keys = new List<string>();
        var values = new Dictionary<(string, string), string>();
        var originals = new Dictionary<(string, string), string>();
        var edits = new List<DictionaryEdit>();
        for (var i = 0; i < count; i++)
        {
            var key = form[$"key_{i}"].ToString();
            if (key.Length == 0)
            {
                continue;
            }

            keys.Add(key);
            foreach (var culture in cultures.Codes)
            {
                var value = Normalise(form[$"value_{i}_{culture}"].ToString());
                var original = Normalise(form[$"original_{i}_{culture}"].ToString());
                values[(key, culture)] = value;
                originals[(key, culture)] = original;
                if (value != original)
                {
                    edits.Add(new DictionaryEdit(key, culture, value, original));
                }
            }
        }

        var result = await editor.SaveAsync(edits, HttpContext.RequestAborted);
        var q = form["q"].ToString();
        var group = form["group"].ToString();
        var page = form["page"].ToString();
        if (result.Succeeded)
        {
            if (result.Changed.Count > 0)
            {
                await BackOffice.RecordAsync("DictionaryEdited", string.Join(", ", result.Changed.Select(e => $"{e.Key} ({e.Culture})")));
            }

            return SeeOther(BackOfficeUrl.With(BackOfficeHost.Path + "/settings/dictionary", ("q", q), ("group", group), ("page", page), ("saved", result.Changed.Count.ToString(CultureInfo.InvariantCulture))));
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        var groups = dictionary.Current.Keys.Select(Group).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var number = int.TryParse(page, out var n) ? Math.Max(1, n) : 1;
        return Page(q.Length == 0 ? null : q, group.Length == 0 ? null : group, groups, keys, values, originals, result.Errors.ToDictionary(e => (e.Key, e.Culture), e => e.Problem), keys.Count, number, number, null);
    }

    private ViewResult Page(
        string? q,
        string? group,
        IReadOnlyList<string> groups,
        IReadOnlyList<string> keys,
        IReadOnlyDictionary<(string, string), string> values,
        IReadOnlyDictionary<(string, string), string> originals,
        IReadOnlyDictionary<(string, string), DictionaryEditProblem> errors,
        int total,
        int page,
        int pages,
        int? saved)
    {
        string Url(int n) => BackOfficeUrl.With(BackOfficeHost.Path + "/settings/dictionary", ("q", q), ("group", group), ("page", n == 1 ? null : n.ToString(CultureInfo.InvariantCulture)));
        ViewData["Title"] = text["BackOffice.Dictionary.Title"];
        return View("~/Views/BackOffice/Settings/Dictionary.cshtml", new DictionaryView(
            q, group, groups, cultures.Codes, keys, values, originals, errors, total, Pager.For(page, pages, Url), Url(page), saved));
    }

    /// <summary>Browsers send line breaks as CRLF; the dictionary keeps LF.</summary>
    private static string Normalise(string value) => value.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Group(string key) => key.Split('.')[0];

    private StatusCodeResult SeeOther(string url)
    {
        Response.Headers.Location = url;
        return StatusCode(StatusCodes.Status303SeeOther);
    }
}
