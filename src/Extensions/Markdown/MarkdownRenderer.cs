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
        .UseAutoIdentifiers(Markdig.Extensions.AutoIdentifiers.AutoIdentifierOptions.GitHub)
        .UseFigures()
        .Build();

    private readonly HtmlSanitizer _sanitizer = CreateSanitizer();

    public SanitizedHtml Render(string? markdown)
    {
        if (string.IsNullOrWhiteSpace(markdown))
        {
            return SanitizedHtml.Empty;
        }

        var html = Markdig.Markdown.ToHtml(markdown, _pipeline);
        return new SanitizedHtml(_sanitizer.Sanitize(html));
    }

    /// <summary>Sanitises HTML that did not come from Markdown (imported fragments).</summary>
    public SanitizedHtml Sanitize(string? html) =>
        string.IsNullOrWhiteSpace(html) ? SanitizedHtml.Empty : new SanitizedHtml(_sanitizer.Sanitize(html));

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
        return new HtmlSanitizer(options);
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
