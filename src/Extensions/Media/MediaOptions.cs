namespace Spcncl.Media;

/// <summary>Bound from <c>Site:Media</c>. Limits protect the server from oversized uploads and image bombs.</summary>
public sealed class MediaOptions
{
    public const string SectionName = "Site:Media";

    /// <summary>The largest upload accepted, in bytes (larger answers 413).</summary>
    public long MaxUploadBytes { get; set; } = 50 * 1024 * 1024;

    /// <summary>The most pixels an uploaded image may declare; checked from the header, before decoding.</summary>
    public long MaxImagePixels { get; set; } = 40_000_000;

    /// <summary>The longest side an uploaded image may declare.</summary>
    public int MaxImageSide { get; set; } = 12_000;

    /// <summary>The largest width or height a resize may ask for.</summary>
    public int MaxOutputSide { get; set; } = 3_000;

    /// <summary>How many images are decoded and resized at once; others wait. Bounds CPU and memory.</summary>
    public int MaxConcurrentProcessing { get; set; } = Math.Max(1, Environment.ProcessorCount);

    /// <summary>The HMAC key that signs image commands (base64, 32+ bytes). Unset: one is generated and kept in the database.</summary>
    public string? SigningKey { get; set; }

    /// <summary>The widths responsive images offer in their srcset.</summary>
    public int[] Widths { get; set; } = [320, 480, 640, 800, 960, 1280, 1600];

    public int JpegQuality { get; set; } = 82;

    public int WebpQuality { get; set; } = 80;
}
