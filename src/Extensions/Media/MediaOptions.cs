using Microsoft.Extensions.Options;

namespace Spcncl.Media;

/// <summary>Bound from <c>Site:Media</c>. Limits protect the server from oversized uploads and image bombs.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Site:Media";

    /// <summary>The widths offered when <c>Site:Media:Widths</c> is not set.</summary>
    public static readonly IReadOnlyList<int> DefaultWidths = [320, 480, 640, 800, 960, 1280, 1600];

    /// <summary>The largest upload accepted, in bytes (larger answers 413).</summary>
    public long MaxUploadBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>The most pixels an uploaded image may declare; checked from the header, before decoding.</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>The longest side an uploaded image may declare.</summary>
    public int MaxImageSide { get; set; } = 12_000;

    /// <summary>The largest width or height a resize may ask for.</summary>
    public int MaxOutputSide { get; set; } = 3_000;

    /// <summary>How many images are decoded and re-encoded at once (uploads and variants alike); others wait. Bounds CPU and memory.</summary>
    public int MaxConcurrentProcessing { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>The HMAC key that signs image commands (base64, 32+ bytes). Unset: one is generated and kept in the database.</summary>
    public string? SigningKey { get; set; }

    /// <summary>
    /// The widths responsive images offer in their srcset, smallest first and each once (set at start-up from the
    /// configured list, or <see cref="DefaultWidths"/>). Empty by default because configuration binding adds to an
    /// array it finds filled instead of replacing it.
    /// </summary>
    public int[] Widths { get; set; } = [];

    public int JpegQuality { get; set; } = 82;

    public int WebpQuality { get; set; } = 80;
}

/// <summary>Puts the configured widths in order (each once), or the defaults when none are configured.</summary>
internal sealed class MediaOptionsSetup : IPostConfigureOptions<MediaOptions>
{
    public void PostConfigure(string? name, MediaOptions options) =>
        options.Widths = [.. (options.Widths.Length == 0 ? MediaOptions.DefaultWidths : options.Widths).Distinct().Order()];
}

/// <summary>Checks <c>Site:Media</c> once at start-up: a bad value stops the site with a message naming the setting.</summary>
internal sealed class MediaOptionsValidator : IValidateOptions<MediaOptions>
{
    public ValidateOptionsResult Validate(string? name, MediaOptions options)
    {
        var failures = new List<string>();
        if (options.MaxConcurrentProcessing < 1)
        {
            failures.Add($"Site:Media:MaxConcurrentProcessing is {options.MaxConcurrentProcessing}; it must be at least 1 (how many images are processed at once; the others wait).");
        }

        if (options.MaxUploadBytes < 1)
        {
            failures.Add($"Site:Media:MaxUploadBytes is {options.MaxUploadBytes}; it must be a positive number of bytes.");
        }

        if (options.MaxOutputSide < 1 || options.MaxImageSide < 1 || options.MaxImagePixels < 1)
        {
            failures.Add("Site:Media:MaxOutputSide, MaxImageSide and MaxImagePixels must be positive.");
        }

        var badWidths = options.Widths.Where(w => w < 1 || w > options.MaxOutputSide).ToList();
        if (badWidths.Count > 0)
        {
            failures.Add($"Site:Media:Widths holds {string.Join(", ", badWidths)}; each width must be from 1 to {options.MaxOutputSide} (Site:Media:MaxOutputSide).");
        }

        if (options.JpegQuality is < 1 or > 100 || options.WebpQuality is < 1 or > 100)
        {
            failures.Add("Site:Media:JpegQuality and WebpQuality must be from 1 to 100.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
