using System.Text.RegularExpressions;
using Spcncl.Markdown;

namespace Spcncl.Tests.Markdown;

/// <summary>Article and page bodies are Markdown; whatever an editor (or an attacker with an editor's password) types renders inert.</summary>
public sealed partial class MarkdownSanitisationTests
{
    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<string> Payloads() =>
    [
        "<script>alert(1)</script>",
        "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<img src=\"javascript:alert(1)\">",
        "<svg onload=alert(1)><circle r=5/></svg>",
        "<svg><script>alert(1)</script></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"evil.swf\"></object>",
        "<embed src=\"evil.swf\">",
        "<a href=\"javascript:alert(1)\">click</a>",
        "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
        "<a href=\"&#106;avascript:alert(1)\">click</a>",
        "<a href=\"  javascript:alert(1)\">click</a>",
        "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">click</a>",
        "<a href=\"vbscript:msgbox(1)\">click</a>",
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "![x](javascript:alert(1))",
        "[click](data:text/html,<script>alert(1)</script>)",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p style=\"color:red\" onclick=\"alert(1)\">x</p>",
        "<body onload=alert(1)>",
        "<form action=\"https://evil.example\"><input name=p><button>Go</button></form>",
        "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<details open ontoggle=alert(1)>",
        "<video><source onerror=alert(1)></video>",
        "<meta http-equiv=\"refresh\" content=\"0;url=https://evil.example\">",
        "<base href=\"https://evil.example/\">",
        "<link rel=stylesheet href=\"https://evil.example/x.css\">",
        "<style>@import 'https://evil.example/x.css';</style>",
        "<marquee onstart=alert(1)>x</marquee>",
        "<a href=\"#\" onmouseover=\"alert(1)\">hover</a>",
        "`<script>` is fine in code, <scr<script>ipt>alert(1)</script>",
        "<img src=\"x\" srcset=\"javascript:alert(1) 1x\">",
    ];

    [Theory]
    [MemberData(nameof(Payloads))]
    public void Render_HostileInput_IsInert(string payload)
    {
        var html = Renderer.Render(payload).Html;

        Assert.DoesNotMatch(ExecutableTag(), html);
        Assert.DoesNotMatch(EventHandler(), html);
        Assert.DoesNotMatch(ScriptUrl(), html);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Render_KeepsWhatEditorsNeed()
    {
        var html = Renderer.Render("""
            ## Kế hoạch

            Xem [trang giới thiệu](/vi/gioi-thieu) và **mục tiêu**.

            | Năm | Sản phẩm |
            |---|---|
            | 2024 | 36 |

            ![Lễ tôn vinh](/media/le-ton-vinh.jpg "Ảnh")
            """).Html;

        Assert.Contains("<h2 id=\"c-", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/vi/gioi-thieu\">trang giới thiệu</a>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>mục tiêu</strong>", html, StringComparison.Ordinal);
        Assert.Contains("<td>2024</td>", html, StringComparison.Ordinal);
        Assert.Contains("<img src=\"/media/le-ton-vinh.jpg\" alt=\"Lễ tôn vinh\" title=\"Ảnh\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_PrefixesEditorIds_SoTheyCannotClashWithTheLayout()
    {
        var html = Renderer.Render("<p id=\"main\">x</p>\n\n## Mục tiêu\n\n[lên đầu](#muc-tieu)").Html;

        Assert.Contains("id=\"c-main\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"main\"", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"c-muc-tieu\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#c-muc-tieu\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_ImagesOnlyFromTheSiteItself()
    {
        var html = Renderer.Render("![a](https://tracker.example/pixel.gif) ![b](//cdn.example/x.png) ![c](/media/abc/1/c.jpg)").Html;

        Assert.DoesNotContain("tracker.example", html, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.example", html, StringComparison.Ordinal);
        Assert.Contains("src=\"/media/abc/1/c.jpg\"", html, StringComparison.Ordinal);
    }

    [GeneratedRegex(@"<\s*(script|iframe|object|embed|svg|math|style|link|meta|base|form|input|button|body|marquee|video|source|details|noscript)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ExecutableTag();

    [GeneratedRegex(@"<[^>]+\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"(href|src|srcset)\s*=\s*""\s*(javascript|vbscript|data):", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptUrl();
}
