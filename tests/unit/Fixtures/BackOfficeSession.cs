using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Spcncl.BackOffice;

namespace Spcncl.Tests.Fixtures;

/// <summary>
/// A person signed in to the back office of a test site: their own cookies (as a browser keeps them), and helpers to
/// open a screen and post its form with the antiforgery token the screen carries.
/// </summary>
public sealed partial class BackOfficeSession(HttpClient client, string email)
{
    public const string Password = "Test-Password-2026";

    public HttpClient Client { get; } = client;

    public string Email { get; } = email;

    /// <summary>Makes (once per site) a user with the role and signs them in.</summary>
    public static async Task<BackOfficeSession> SignInAsync(SiteFactory site, string role, Guid? startNode = null, string? email = null)
    {
        email ??= $"{role.ToLowerInvariant()}{(startNode is null ? "" : "-" + startNode.Value.ToString("N")[..8])}@test.example";
        await using (var scope = site.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<BackOfficeUsers>();
            if (await users.FindAsync(email) is null)
            {
                var (user, errors) = await users.CreateAsync(email, role, Password, [role], "en", startNode);
                Assert.True(user is not null, string.Join("; ", errors));
            }
        }

        var session = new BackOfficeSession(site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }), email);
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

    /// <summary>The token of the first form on a screen (every form of a page carries the same one).</summary>
    public static string? Token(string html) => TokenPattern().Match(html) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : null;

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
