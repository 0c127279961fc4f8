using System.Globalization;
using Microsoft.Extensions.Options;
using Spcncl.Media;

namespace Spcncl.Site.TagHelpers;

/// <summary>
/// The src, srcset and drawn size of an image at the site's widths (never wider than the source, so each really is
/// the width it claims), for <see cref="MediaImageTagHelper"/>. A page shows the same images in the same shapes
/// request after request, so each is worked out once; emptied past <see cref="MaxRemembered"/> like the signed URLs.
/// </summary>
public sealed class ResponsiveImages(MediaUrls urls, IOptions<MediaOptions> options)
{
    private const int MaxRemembered = 5_000;

    private readonly BoundedMemo<Shape, ResponsiveImage> _made = new(MaxRemembered);

    /// <param name="aspect">Width/height ratio to crop to, e.g. <c>4/3</c>; null or empty keeps the image's own shape.</param>
    public ResponsiveImage For(MediaItem item, int sourceWidth, int sourceHeight, string? aspect, int maxWidth, FitMode mode)
    {
        // The file, and so its size, is fixed by key and version.
        var shape = new Shape(item.Key, item.Version, item.Name, sourceWidth, sourceHeight, aspect, maxWidth, mode);
        return _made.Get(shape, (Images: this, Item: item), static (shape, state) =>
            state.Images.Make(state.Item, shape.SourceWidth, shape.SourceHeight, shape.Aspect, shape.MaxWidth, shape.Mode));
    }

    private ResponsiveImage Make(MediaItem item, int sourceWidth, int sourceHeight, string? aspect, int maxWidth, FitMode mode)
    {
        var ratio = ParseAspect(aspect) ?? (double)sourceWidth / sourceHeight;
        var widths = options.Value.Widths.Where(w => w <= Math.Min(maxWidth, sourceWidth) && Math.Round(w / ratio) <= sourceHeight).ToList();
        if (widths.Count == 0)
        {
            widths.Add(Math.Min(sourceWidth, (int)Math.Floor(sourceHeight * ratio)));
        }

        string Url(int width) => urls.Image(item, aspect is null
            ? new ImageCommand(width, null, FitMode.Max, OutputFormat.Auto)
            : new ImageCommand(width, (int)Math.Round(width / ratio), mode, OutputFormat.Auto));

        var largest = widths[^1];
        return new ResponsiveImage(
            Url(widths[widths.Count / 2]),
            string.Join(", ", widths.Select(w => string.Create(CultureInfo.InvariantCulture, $"{Url(w)} {w}w"))),
            largest.ToString(CultureInfo.InvariantCulture),
            ((int)Math.Round(largest / ratio)).ToString(CultureInfo.InvariantCulture));
    }

    private static double? ParseAspect(string? aspect)
    {
        if (string.IsNullOrEmpty(aspect))
        {
            return null;
        }

        var parts = aspect.Split('/');
        return parts.Length == 2
            && double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var w)
            && double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var h) && w > 0 && h > 0
            ? w / h
            : throw new InvalidOperationException($"aspect must look like 4/3, not '{aspect}'.");
    }

    private sealed record Shape(Guid Key, int Version, string Name, int SourceWidth, int SourceHeight, string? Aspect, int MaxWidth, FitMode Mode);
}

/// <summary>The attributes of an <c>&lt;img&gt;</c> that depend on the image and its shape only.</summary>
public sealed record ResponsiveImage(string Src, string SrcSet, string Width, string Height);
