using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Spcncl.Media;

/// <summary>
/// What to do to an image: width, height, fit mode, output format and quality. Its canonical text (defaults left
/// out, fixed order) is what gets signed and what names the cached result.
/// </summary>
public sealed record ImageCommand(int? Width = null, int? Height = null, FitMode Mode = FitMode.Crop, OutputFormat Format = OutputFormat.Original, int? Quality = null)
{
    public static readonly ImageCommand None = new();

    /// <summary>Named presets usable without a signature (the back office's thumbnails, the catalogue's cards).</summary>
    public static readonly IReadOnlyDictionary<string, ImageCommand> Presets = new Dictionary<string, ImageCommand>(StringComparer.Ordinal)
    {
        ["thumb"] = new(160, 160, FitMode.Crop, OutputFormat.Auto),
        ["card"] = new(480, 360, FitMode.Crop, OutputFormat.Auto),
        ["logo"] = new(240, 240, FitMode.Pad, OutputFormat.Auto),
    };

    public bool IsNone => this == None;

    /// <summary>Canonical query text, e.g. <c>w=800&amp;h=600&amp;mode=crop&amp;fmt=webp</c>.</summary>
    public string ToQuery()
    {
        var parts = new List<string>(5);
        if (Width is { } w)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"w={w}"));
        }

        if (Height is { } h)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"h={h}"));
        }

        if ((Width is not null || Height is not null) && Mode != FitMode.Crop)
        {
            parts.Add("mode=" + Mode.ToString().ToLowerInvariant());
        }

        if (Format != OutputFormat.Original)
        {
            parts.Add("fmt=" + Format.ToString().ToLowerInvariant());
        }

        if (Quality is { } q)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"q={q}"));
        }

        return string.Join('&', parts);
    }

    /// <summary>Reads commands from a query string. Unknown or out-of-range values are an error message, never an exception.</summary>
    public static (ImageCommand? Command, string? Error) Parse(IQueryCollection query, int maxSide)
    {
        if (query.TryGetValue("preset", out var preset))
        {
            return Presets.TryGetValue(preset.ToString(), out var named)
                ? (named, null)
                : (null, $"unknown preset '{Shorten(preset.ToString())}'");
        }

        int? Dimension(string name, out string? error)
        {
            error = null;
            if (!query.TryGetValue(name, out var raw))
            {
                return null;
            }

            if (!int.TryParse(raw.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < 1 || value > maxSide)
            {
                error = $"{name} must be a whole number from 1 to {maxSide}";
                return null;
            }

            return value;
        }

        var width = Dimension("w", out var widthError);
        var height = Dimension("h", out var heightError);
        if ((widthError ?? heightError) is { } sizeError)
        {
            return (null, sizeError);
        }

        FitMode? mode = FitMode.Crop;
        if (query.TryGetValue("mode", out var rawMode))
        {
            mode = rawMode.ToString() switch { "crop" => FitMode.Crop, "max" => FitMode.Max, "pad" => FitMode.Pad, _ => null };
            if (mode is null)
            {
                return (null, "mode must be crop, max or pad");
            }
        }

        OutputFormat? format = OutputFormat.Original;
        if (query.TryGetValue("fmt", out var rawFormat))
        {
            format = rawFormat.ToString() switch { "auto" => OutputFormat.Auto, "webp" => OutputFormat.Webp, "jpeg" => OutputFormat.Jpeg, "png" => OutputFormat.Png, _ => null };
            if (format is null)
            {
                return (null, "fmt must be auto, webp, jpeg or png");
            }
        }

        int? quality = null;
        if (query.TryGetValue("q", out var rawQuality))
        {
            if (!int.TryParse(rawQuality.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var q) || q < 30 || q > 95)
            {
                return (null, "q must be a whole number from 30 to 95");
            }

            quality = q;
        }

        return (new ImageCommand(width, height, mode.Value, format.Value, quality), null);
    }

    private static string Shorten(string text) => text.Length <= 20 ? text : text[..20] + "…";
}

/// <summary>How an image fits the requested box: cover it and crop (around the focal point), fit inside it, or fit and pad.</summary>
public enum FitMode
{
    Crop,
    Max,
    Pad,
}

public enum OutputFormat
{
    Original,
    Auto,
    Webp,
    Jpeg,
    Png,
}
