using Ganss.Xss;
using Markdig;
using Microsoft.AspNetCore.Html;

namespace Spcncl.Markdown;

/// <summary>
/// Renders Markdown (article bodies, page text) to HTML and passes every fragment through a strict sanitiser:
/// headings, tables, links and images stay; scripts, event handlers, <c>javascript:</c> URLs, styles and forms go.
/// The back office preview uses the same instance, so editors see exactly what visitors get.
/// </summary>
public sealed class MarkdownRenderer
{
    private readonly MarkdownPipeline _pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseListExtras()
        .UseAutoLinks()
        .UseFigures()
        .Build();

    /// <summary>Ids in editors' content carry this prefix, so they can never clash with the layout's (main, main-nav, …).</summary>
    public const string IdPrefix = "c-";

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public SanitizedHtml Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return SanitizedHtml.Empty;
        }

        var html = Markdig.Markdown.ToHtml(markdown, _pipeline);
        using var document = _sanitizer.SanitizeDom(html);
        NameHeadings(document);
        return new SanitizedHtml(document.Body!.InnerHtml);
    }

    /// <summary>Sanitises HTML that did not come from Markdown (imported fragments).</summary>
    public SanitizedHtml Sanitize(string? html) =>
        string.IsNullOrWhiteSpace(html) ? SanitizedHtml.Empty : new SanitizedHtml(_sanitizer.Sanitize(html));

    /// <summary>
    /// Gives each heading an id from its text with the site's own slug rule (Vietnamese folded, đ → d), so in-page
    /// links like <c>[Mục tiêu](#muc-tieu)</c> work; repeated headings get -2, -3.
    /// </summary>
    private static void NameHeadings(AngleSharp.Html.Dom.IHtmlDocument document)
    {
        var used = new HashSet<string>(document.QuerySelectorAll("[id]").Select(e => e.Id!), StringComparer.Ordinal);
        foreach (var heading in document.QuerySelectorAll("h2, h3, h4, h5, h6").Where(h => string.IsNullOrEmpty(h.Id)))
        {
            var slug = Localization.UrlSegments.FromName(heading.TextContent);
            if (slug.Length == 0)
            {
                continue;
            }

            var id = IdPrefix + slug;
            for (var n = 2; used.Contains(id); n++)
            {
                id = $"{IdPrefix}{slug}-{n}";
            }

            used.Add(id);
            heading.Id = id;
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "a", "abbr", "b", "blockquote", "br", "caption", "code", "dd", "del", "div", "dl", "dt", "em", "figcaption", "figure",
                "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "kbd", "li", "mark", "ol", "p", "pre", "q", "s", "small",
                "span", "strong", "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "alt", "colspan", "height", "href", "id", "lang", "rowspan", "scope", "src", "start", "title", "width", "reversed",
            },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https", "mailto", "tel" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        var sanitizer = new HtmlSanitizer(options);

        // Pictures come from the site itself: a third-party image is a request the CSP blocks and visitors never asked for.
        sanitizer.FilterUrl += (_, e) =>
        {
            if (e.Tag.NodeName.Equals("IMG", StringComparison.OrdinalIgnoreCase) && e.SanitizedUrl is { } url
                && !(url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal)))
            {
                e.SanitizedUrl = null;
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is AngleSharp.Dom.IElement element)
            {
                if (element.GetAttribute("id") is { Length: > 0 } id && !id.StartsWith(IdPrefix, StringComparison.Ordinal))
                {
                    element.SetAttribute("id", IdPrefix + id);
                }

                if (element.GetAttribute("href") is { Length: > 1 } href && href[0] == '#' && !href.StartsWith("#" + IdPrefix, StringComparison.Ordinal))
                {
                    element.SetAttribute("href", "#" + IdPrefix + href[1..]);
                }
            }
        };
        return sanitizer;
    }
}

/// <summary>HTML that has been through the sanitiser, and so may be written to a page without encoding.</summary>
public sealed class SanitizedHtml(string html) : IHtmlContent
{
    public static readonly SanitizedHtml Empty = new("");

    public string Html { get; } = html;

    public bool IsEmpty => Html.Length == 0;

    public void WriteTo(TextWriter writer, System.Text.Encodings.Web.HtmlEncoder encoder) => writer.Write(Html);

    public override string ToString() => Html;
}
