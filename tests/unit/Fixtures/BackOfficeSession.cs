using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Spcncl.BackOffice;

namespace Spcncl.Tests.Fixtures;

/// <summary>
/// A person signed in to the back office, as a browser would be: the sign-in page opened, its antiforgery token and
/// the credentials posted, the cookies kept for every later request, each session from its own address (sign-in is
/// rate-limited per address). Posts carry a token read from the page that holds the form (or leave it out, to check
/// the refusal). <see cref="AsAsync"/> keeps one session per role for a site's tests; <see cref="SignInAsync(SiteFactory, string, Guid?, string?)"/>
/// makes a fresh one (a start node, a second editor).
/// </summary>
public sealed partial class BackOfficeSession
{
    public const string Password = "Test-Password-2026";

    private static readonly ConditionalWeakTable<SiteFactory, Dictionary<string, BackOfficeSession>> Sessions = [];
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static int _addresses;

    private BackOfficeSession(HttpClient client, string email, string role)
    {
        Client = client;
        Email = email;
        Role = role;
    }

    public HttpClient Client { get; }

    public string Email { get; }

    public string Role { get; }

    /// <summary>The email address of the test account of a role.</summary>
    public static string EmailOf(string role) => $"{role.ToLowerInvariant()}@backoffice.test";

    /// <summary>A session of the site's account of <paramref name="role"/>, made and signed in the first time.</summary>
    public static async Task<BackOfficeSession> AsAsync(SiteFactory site, string role)
    {
        await Gate.WaitAsync();
        try
        {
            var sessions = Sessions.GetOrCreateValue(site);
            if (!sessions.TryGetValue(role, out var session))
            {
                var email = EmailOf(role);
                await using (var scope = site.Services.CreateAsyncScope())
                {
                    var users = scope.ServiceProvider.GetRequiredService<BackOfficeUsers>();
                    if (await users.FindAsync(email) is null)
                    {
                        var (user, errors) = await users.CreateAsync(email, $"Test {role}", Password, [role], role == BackOfficeRoles.Translator ? "en" : "vi");
                        Assert.True(user is not null, string.Join("; ", errors));
                    }
                }

                session = await SignInWithAsync(site, email, Password, role);
                sessions[role] = session;
            }

            return session;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>
    /// Makes (once per site) a user with the role, and a start node when given, and signs them in afresh.
    /// <paramref name="uiCulture"/> is the language of the screens for a user made here (<c>vi</c> or <c>en</c>);
    /// each language has its own account.
    /// </summary>
    public static async Task<BackOfficeSession> SignInAsync(SiteFactory site, string role, Guid? startNode = null, string? email = null, string uiCulture = "en")
    {
        email ??= $"{role.ToLowerInvariant()}{(startNode is null ? "" : "-" + startNode.Value.ToString("N")[..8])}{(uiCulture == "en" ? "" : "-" + uiCulture)}@test.example";
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<BackOfficeUsers>();
            if (await users.FindAsync(email) is null)
            {
                var (user, errors) = await users.CreateAsync(email, role, Password, [role], uiCulture, startNode);
                Assert.True(user is not null, string.Join("; ", errors));
            }
        }

        var session = new BackOfficeSession(NewBrowser(site), email, role);
        var response = await session.PostFormAsync("/backoffice/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in as {email} answered {(int)response.StatusCode}");
        return session;
    }

    /// <summary>Opens <paramref name="screen"/>, then posts its first form's token with <paramref name="fields"/> to <paramref name="action"/> (the screen itself by default).</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string screen, IEnumerable<KeyValuePair<string, string>> fields, string? action = null, bool withToken = true)
    {
        var page = await Client.GetAsync(screen);
        var html = await page.Content.ReadAsStringAsync();
        var values = fields.ToList();
        if (withToken)
        {
            values.Add(new("__RequestVerificationToken", Token(html) ?? throw new InvalidOperationException($"{screen} ({(int)page.StatusCode}) has no form token")));
        }

        return await Client.PostAsync(action ?? screen, new FormUrlEncodedContent(values));
    }

    /// <summary>Signs in with an email and password; fails the test when the site does not let the person in.</summary>
    public static async Task<BackOfficeSession> SignInWithAsync(SiteFactory site, string email, string password, string role = "")
    {
        var client = NewBrowser(site);
        var page = await client.GetAsync("/backoffice/sign-in");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = Token(await page.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("The sign-in page has no antiforgery token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = email,
            ["Password"] = password,
            ["__RequestVerificationToken"] = token,
        });
        var signedIn = await client.PostAsync("/backoffice/sign-in", form);
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"signing in as {email} answered {(int)signedIn.StatusCode}");
        return new BackOfficeSession(client, email, role);
    }

    /// <summary>A browser not signed in yet, that will try as <paramref name="email"/> (lockout, two-factor).</summary>
    public static BackOfficeSession NotSignedIn(SiteFactory site, string email) => new(NewBrowser(site), email, "");

    /// <summary>A browser with its own cookies and its own address (the sign-in limit counts per address).</summary>
    public static HttpClient NewBrowser(SiteFactory site)
    {
        var address = IPAddress.Parse($"2001:db8:b0::{Interlocked.Increment(ref _addresses):x}");
        var handler = new CookieContainerHandler(new CookieContainer()) { InnerHandler = site.Server.CreateHandler(context => context.Connection.RemoteIpAddress = address) };
        return new HttpClient(handler) { BaseAddress = new Uri("http://localhost") };
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(url);

    public async Task<(HttpStatusCode Status, string Html)> PageAsync(string url)
    {
        var response = await Client.GetAsync(url);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>The antiforgery token of a page (every back-office page has one, in the sign-out form at least).</summary>
    public async Task<string> TokenAsync(string pageUrl)
    {
        var (status, html) = await PageAsync(pageUrl);
        Assert.True(status == HttpStatusCode.OK, $"{pageUrl} answered {(int)status}");
        return Token(html) ?? throw new InvalidOperationException($"{pageUrl} has no antiforgery token.");
    }

    /// <summary>Posts a form with the token of <paramref name="tokenFrom"/> (by default the page of the dashboard), or without any.</summary>
    public async Task<HttpResponseMessage> PostAsync(string url, IEnumerable<KeyValuePair<string, string>> fields, string? tokenFrom = null, bool withToken = true)
    {
        var values = fields.ToList();
        if (withToken)
        {
            values.Add(new("__RequestVerificationToken", await TokenAsync(tokenFrom ?? "/backoffice/account")));
        }

        using var content = new FormUrlEncodedContent(values);
        return await Client.PostAsync(url, content);
    }

    public Task<HttpResponseMessage> PostAsync(string url, IReadOnlyDictionary<string, string> fields, string? tokenFrom = null, bool withToken = true) =>
        PostAsync(url, fields.AsEnumerable(), tokenFrom, withToken);

    /// <summary>Posts a file as the upload form would (multipart), with the token of <paramref name="tokenFrom"/>.</summary>
    public async Task<HttpResponseMessage> UploadAsync(string url, string field, string fileName, byte[] bytes, string tokenFrom, string contentType = "application/octet-stream")
    {
        using var content = new MultipartFormDataContent();
        content.Add(new StringContent(await TokenAsync(tokenFrom)), "__RequestVerificationToken");
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(contentType);
        content.Add(file, field, fileName);
        return await Client.PostAsync(url, content);
    }

    /// <summary>
    /// Posts files as a multipart form under the field <c>files</c>, as the form without script sends it (the token
    /// first), or as the page's script does (<paramref name="asScript"/>: the token also in a header, JSON asked for).
    /// No token when <paramref name="tokenFrom"/> is null; the token after the files with <paramref name="tokenAfterFiles"/>.
    /// </summary>
    public async Task<HttpResponseMessage> UploadFilesAsync(string url, string? tokenFrom, IEnumerable<(string FileName, byte[] Bytes)> files, bool asScript = false, bool tokenAfterFiles = false)
    {
        var token = tokenFrom is null ? null : await TokenAsync(tokenFrom);
        using var form = new MultipartFormDataContent();
        if (token is not null && !tokenAfterFiles)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        foreach (var (fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", fileName);
        }

        if (token is not null && tokenAfterFiles)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = form };
        if (asScript)
        {
            request.Headers.Accept.ParseAdd("application/json");
            if (token is not null)
            {
                request.Headers.Add("RequestVerificationToken", token);
            }
        }

        return await Client.SendAsync(request);
    }

    /// <summary>The fields an editor screen posts as it stands: every input, textarea and selected option with a name.</summary>
    public static List<KeyValuePair<string, string>> FormFields(string html, string formAction)
    {
        var form = FormPattern().Matches(html).Select(m => m.Value).First(f => f.Contains($"action=\"{WebUtility.HtmlEncode(formAction)}\"", StringComparison.Ordinal) || f.Contains($"action=\"{formAction}\"", StringComparison.Ordinal));
        var fields = new List<KeyValuePair<string, string>>();
        foreach (Match input in InputPattern().Matches(form))
        {
            var tag = input.Value;
            var name = Attribute(tag, "name");
            var type = Attribute(tag, "type") ?? "text";
            if (name is null or "__RequestVerificationToken" || type is "submit" or "button" || (type is "checkbox" or "radio" && !tag.Contains(" checked", StringComparison.Ordinal)) || tag.Contains(" disabled", StringComparison.Ordinal))
            {
                continue;
            }

            fields.Add(new(name, WebUtility.HtmlDecode(Attribute(tag, "value") ?? "")));
        }

        foreach (Match area in TextareaPattern().Matches(form))
        {
            fields.Add(new(area.Groups["name"].Value, WebUtility.HtmlDecode(area.Groups["text"].Value)));
        }

        foreach (Match select in SelectPattern().Matches(form))
        {
            foreach (Match option in SelectedOptionPattern().Matches(select.Groups["options"].Value))
            {
                fields.Add(new(select.Groups["name"].Value, WebUtility.HtmlDecode(option.Groups["value"].Value)));
            }
        }

        return fields;
    }

    private static string? Attribute(string tag, string name) =>
        Regex.Match(tag, $"\\s{name}=\"(?<v>[^\"]*)\"") is { Success: true } m ? m.Groups["v"].Value : null;

    /// <summary>The token of the first form on a page (every form of a page carries the same one), or null when it has none.</summary>
    public static string? Token(string html) => TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    [GeneratedRegex("<form\\b.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex InputPattern();

    [GeneratedRegex("<textarea\\b[^>]*\\sname=\"(?<name>[^\"]+)\"[^>]*>(?<text>.*?)</textarea>", RegexOptions.Singleline)]
    private static partial Regex TextareaPattern();

    [GeneratedRegex("<select\\b[^>]*\\sname=\"(?<name>[^\"]+)\"[^>]*>(?<options>.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex SelectPattern();

    [GeneratedRegex("<option value=\"(?<value>[^\"]*)\" selected=\"selected\"")]
    private static partial Regex SelectedOptionPattern();
}
