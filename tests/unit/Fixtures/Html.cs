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
