using System.Net;
using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Spcncl.BackOffice;

namespace Spcncl.Tests.Fixtures;

/// <summary>
/// A person signed in to the back office, as a browser would be: the sign-in page opened, its antiforgery token and
/// the credentials posted, the cookies kept for every later request. Posts carry a token read from the page that
/// holds the form (or leave it out, to check the refusal). One account per role is made the first time that role
/// signs in to a site, and the session is kept for the site's other tests (sign-in is rate-limited per address).
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

                session = await SignInAsync(site, email, Password, role);
                sessions[role] = session;
            }

            return session;
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Signs in with an email and password; fails the test when the site does not let the person in.</summary>
    public static async Task<BackOfficeSession> SignInAsync(SiteFactory site, string email, string password, string role = "")
    {
        var client = NewBrowser(site);
        var page = await client.GetAsync("/backoffice/sign-in");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var token = Token(await page.Content.ReadAsStringAsync());
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
        return Token(html);
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

    private static string Token(string html) =>
        TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("The page has no antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
