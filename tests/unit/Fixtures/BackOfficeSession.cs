using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Spcncl.BackOffice;

namespace Spcncl.Tests.Fixtures;

/// <summary>
/// Someone signed in to the back office as a browser would be: an account with one role made for the test through
/// <see cref="BackOfficeUsers"/>, signed in through the real sign-in form (antiforgery included), its cookies kept.
/// Posts forms and uploads with the token a page of the back office gives, or without it to check the refusal.
/// </summary>
public sealed partial class BackOfficeSession : IDisposable
{
    public const string Password = "Test-Password-2026";

    private BackOfficeSession(HttpClient client, string email)
    {
        Client = client;
        Email = email;
    }

    public HttpClient Client { get; }

    /// <summary>The account's email, which is also its name in the audit log.</summary>
    public string Email { get; }

    /// <param name="uiCulture">The language of the back office's screens for this person (<c>vi</c> or <c>en</c>).</param>
    public static async Task<BackOfficeSession> SignInAsync(SiteFactory site, string role, string uiCulture = "en")
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@spcncl.test";
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var (user, errors) = await scope.ServiceProvider.GetRequiredService<BackOfficeUsers>().CreateAsync(email, role, Password, [role], uiCulture);
            Assert.True(user is not null, string.Join("; ", errors));
        }

        var client = site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var session = new BackOfficeSession(client, email);
        var signedIn = await session.PostAsync("/backoffice/sign-in", "/backoffice/sign-in", new Dictionary<string, string> { ["Email"] = email, ["Password"] = Password });
        Assert.True(signedIn.StatusCode == HttpStatusCode.Redirect, $"sign-in answered {(int)signedIn.StatusCode}");
        return session;
    }

    /// <summary>The antiforgery token a page of the back office carries (the same for every form of this session).</summary>
    public async Task<string> TokenAsync(string pageUrl = "/backoffice/account")
    {
        var page = await Client.GetAsync(pageUrl);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{pageUrl} answered {(int)page.StatusCode}");
        var match = TokenPattern().Match(await page.Content.ReadAsStringAsync());
        Assert.True(match.Success, $"{pageUrl} has no form token");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public Task<HttpResponseMessage> GetAsync(string url) => Client.GetAsync(url);

    /// <summary>Posts a form to <paramref name="action"/> with the token of <paramref name="tokenPage"/> (or none).</summary>
    public async Task<HttpResponseMessage> PostAsync(string action, string? tokenPage, IReadOnlyDictionary<string, string> fields)
    {
        var values = new Dictionary<string, string>(fields);
        if (tokenPage is not null)
        {
            values["__RequestVerificationToken"] = await TokenAsync(tokenPage);
        }

        return await Client.PostAsync(action, new FormUrlEncodedContent(values));
    }

    /// <summary>
    /// Posts files as a multipart form, as the form without script sends it (the token first), or as the page's script
    /// does (<paramref name="asScript"/>: one request, the token also in a header, JSON asked for). No token when
    /// <paramref name="tokenPage"/> is null.
    /// </summary>
    public async Task<HttpResponseMessage> UploadAsync(string action, string? tokenPage, IEnumerable<(string FileName, byte[] Bytes)> files, bool asScript = false, bool tokenAfterFiles = false)
    {
        var token = tokenPage is null ? null : await TokenAsync(tokenPage);
        using var form = new MultipartFormDataContent();
        if (token is not null && !tokenAfterFiles)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        foreach (var (fileName, bytes) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(file, "files", fileName);
        }

        if (token is not null && tokenAfterFiles)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, action) { Content = form };
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

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
