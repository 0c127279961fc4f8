using System.Net;
using System.Text.RegularExpressions;

namespace Spcncl.Tests.Fixtures;

/// <summary>
/// A page's form as a browser holds it: opened (its antiforgery cookie and hidden token kept), then posted, perhaps
/// much later. <see cref="PostAsync(HttpClient, string, IReadOnlyDictionary{string, string}, bool)"/> does both at once,
/// and can leave the token out to check that the site refuses the post.
/// </summary>
public sealed partial class PageForm
{
    private readonly HttpClient _browser;
    private readonly string _url;
    private readonly string? _token;
    private readonly string _cookies;

    private PageForm(HttpClient browser, string url, string? token, string cookies)
    {
        _browser = browser;
        _url = url;
        _token = token;
        _cookies = cookies;
    }

    public static async Task<PageForm> OpenAsync(HttpClient browser, string pageUrl)
    {
        var page = await browser.GetAsync(pageUrl);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        var cookies = page.Headers.TryGetValues("Set-Cookie", out var set) ? string.Join("; ", set.Select(c => c.Split(';')[0])) : "";
        var token = TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;
        return new PageForm(browser, pageUrl, token, cookies);
    }

    public static async Task<HttpResponseMessage> PostAsync(HttpClient browser, string pageUrl, IReadOnlyDictionary<string, string> fields, bool withToken = true) =>
        await (await OpenAsync(browser, pageUrl)).PostAsync(fields, withToken);

    public async Task<HttpResponseMessage> PostAsync(IReadOnlyDictionary<string, string> fields, bool withToken = true)
    {
        var values = new Dictionary<string, string>(fields);
        if (withToken)
        {
            values["__RequestVerificationToken"] = _token ?? throw new InvalidOperationException($"{_url} has no form token");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = new FormUrlEncodedContent(values) };
        if (_cookies.Length > 0)
        {
            request.Headers.Add("Cookie", _cookies);
        }

        return await _browser.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
