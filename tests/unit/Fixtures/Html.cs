using System.Text.RegularExpressions;

namespace Spcncl.Tests.Fixtures;

/// <summary>Small, strict readers of the HTML the site serves (the site's markup is regular enough not to need a parser).</summary>
public static partial class Html
{
    public static string? HtmlLang(string html) => HtmlLangPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    public static string? Canonical(string html) => CanonicalPattern().Match(html) is { Success: true } m ? m.Groups[1].Value : null;

    public static IReadOnlyList<(string HrefLang, string Href)> Alternates(string html) =>
        [.. AlternatePattern().Matches(html).Select(m => (m.Groups[1].Value, m.Groups[2].Value))];

    public static string? Title(string html) => TitlePattern().Match(html) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value) : null;

    public static string? H1(string html) => H1Pattern().Match(html) is { Success: true } m ? System.Net.WebUtility.HtmlDecode(m.Groups[1].Value.Trim()) : null;

    /// <summary>
    /// Markup in a page that a browser would run or that could run script: script elements other than the site's own
    /// file and structured data (whose JSON may hold no "&lt;"), event-handler attributes, and javascript: or data: links.
    /// </summary>
    public static IReadOnlyList<string> LiveMarkup(string html)
    {
        var found = new List<string>();
        foreach (Match script in ScriptPattern().Matches(html))
        {
            var opening = script.Groups[1].Value;
            if (opening.Contains("type=\"application/ld+json\"", StringComparison.Ordinal))
            {
                if (script.Groups[2].Value.Contains('<', StringComparison.Ordinal))
                {
                    found.Add("structured data holding markup: " + script.Value);
                }
            }
            else if (!SiteScriptPattern().IsMatch(opening))
            {
                found.Add(script.Value);
            }
        }

        foreach (Match tag in TagPattern().Matches(ScriptPattern().Replace(html, "")))
        {
            foreach (Match attribute in AttributePattern().Matches(tag.Value))
            {
                var name = attribute.Groups["name"].Value;
                var value = System.Net.WebUtility.HtmlDecode(attribute.Groups["value"].Value.Trim('"', '\'')).Trim();
                if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase)
                    || value.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase)
                    || (name is "href" or "src" or "action" && value.StartsWith("data:text", StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add(tag.Value);
                }
            }
        }

        return found;
    }

    [GeneratedRegex("<script\\b([^>]*)>(.*?)</script>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex ScriptPattern();

    [GeneratedRegex("^ src=\"/js/(site|backoffice)\\.[a-z0-9]+\\.js\" defer$")]
    private static partial Regex SiteScriptPattern();

    [GeneratedRegex("<[a-zA-Z](?:\"[^\"]*\"|'[^']*'|[^>\"'])*>")]
    private static partial Regex TagPattern();

    /// <summary>The attributes of one tag: a name, and a quoted or bare value.</summary>
    [GeneratedRegex("\\s(?<name>[a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:\\s*=\\s*(?<value>\"[^\"]*\"|'[^']*'|[^\\s>]+))?")]
    private static partial Regex AttributePattern();

    [GeneratedRegex("<html lang=\"([^\"]+)\"")]
    private static partial Regex HtmlLangPattern();

    [GeneratedRegex("<link rel=\"canonical\" href=\"([^\"]+)\"")]
    private static partial Regex CanonicalPattern();

    [GeneratedRegex("<link rel=\"alternate\" hreflang=\"([^\"]+)\" href=\"([^\"]+)\"")]
    private static partial Regex AlternatePattern();

    [GeneratedRegex("<title>([^<]*)</title>")]
    private static partial Regex TitlePattern();

    [GeneratedRegex("<h1>([^<]*)</h1>")]
    private static partial Regex H1Pattern();
}
