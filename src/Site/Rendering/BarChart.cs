using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace Spcncl.Site.Rendering;

/// <summary>
/// A stacked bar chart drawn on the server as SVG: no script, no third party, readable by screen readers (role="img"
/// with a title and description); the page also gives the same figures as a table.
/// </summary>
public sealed class BarChart(string title, string description, IReadOnlyList<string> categories, IReadOnlyList<ChartSeries> series)
{
    private const int Width = 720;
    private const int Height = 320;
    private const int Left = 44;
    private const int Bottom = 36;
    private const int Top = 12;
    private const int Right = 12;

    /// <summary>How many series colours the stylesheet defines (<c>.series-0</c> to <c>.series-9</c>).</summary>
    public const int Colours = 10;

    public string Title { get; } = title;

    public string Description { get; } = description;

    public IReadOnlyList<string> Categories { get; } = categories;

    public IReadOnlyList<ChartSeries> Series { get; } = series;

    /// <summary>The class that colours a series' bars and its legend swatch.</summary>
    public static string SeriesClass(int index) => $"series-{index % Colours}";

    public IHtmlContent Render(string id)
    {
        var totals = Categories.Select((_, i) => Series.Sum(s => s.Values[i])).ToList();
        var max = Math.Max(1, totals.Count == 0 ? 1 : totals.Max());
        var step = NiceStep(max);
        var top = (int)Math.Ceiling(max / (double)step) * step;
        var plotWidth = Width - Left - Right;
        var plotHeight = Height - Top - Bottom;
        var slot = plotWidth / (double)Math.Max(1, Categories.Count);
        var barWidth = slot * 0.62;

        var svg = new StringBuilder();
        var invariant = CultureInfo.InvariantCulture;
        svg.Append(invariant, $"<svg class=\"chart\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" focusable=\"false\">");
        svg.Append(invariant, $"<title id=\"{id}-title\">{Encode(Title)}</title><desc id=\"{id}-desc\">{Encode(Description)}</desc>");
        for (var tick = 0; tick <= top; tick += step)
        {
            var y = Top + plotHeight - plotHeight * tick / (double)top;
            svg.Append(invariant, $"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" class=\"chart-grid\"/>");
            svg.Append(invariant, $"<text x=\"{Left - 6}\" y=\"{y + 4:0.#}\" text-anchor=\"end\" class=\"chart-axis\">{tick}</text>");
        }

        for (var c = 0; c < Categories.Count; c++)
        {
            var x = Left + slot * c + (slot - barWidth) / 2;
            var y = (double)(Top + plotHeight);
            for (var s = 0; s < Series.Count; s++)
            {
                var value = Series[s].Values[c];
                if (value == 0)
                {
                    continue;
                }

                var h = plotHeight * value / (double)top;
                y -= h;
                svg.Append(invariant, $"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{barWidth:0.#}\" height=\"{h:0.#}\" class=\"{SeriesClass(s)}\"><title>{Encode($"{Categories[c]} · {Series[s].Name}: {value}")}</title></rect>");
            }

            svg.Append(invariant, $"<text x=\"{x + barWidth / 2:0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\" class=\"chart-axis\">{Encode(Categories[c])}</text>");
            svg.Append(invariant, $"<text x=\"{x + barWidth / 2:0.#}\" y=\"{Top + plotHeight - plotHeight * totals[c] / (double)top - 4:0.#}\" text-anchor=\"middle\" class=\"chart-total\">{totals[c]}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    private static int NiceStep(int max) => max switch
    {
        <= 10 => 2,
        <= 25 => 5,
        <= 60 => 10,
        <= 150 => 25,
        _ => 50,
    };

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

public sealed record ChartSeries(string Name, IReadOnlyList<int> Values);
