using Microsoft.AspNetCore.Razor.TagHelpers;
using Spcncl.Media;

namespace Spcncl.Site.TagHelpers;

/// <summary>
/// <c>&lt;media-image item="…" culture="…" sizes="…" aspect="4/3" priority="false" /&gt;</c> renders a responsive
/// <c>&lt;img&gt;</c>: a srcset of signed variants at the site's widths (never wider than the source, so each really is
/// the width it claims), width and height so nothing shifts while loading, alt text in the page's culture, and lazy
/// loading unless it is the page's main image.
/// </summary>
[HtmlTargetElement("media-image", TagStructure = TagStructure.WithoutEndTag)]
public sealed class MediaImageTagHelper(ResponsiveImages images) : TagHelper
{
    public MediaItem? Item { get; set; }

    /// <summary>The culture of the alt text (the page's content culture).</summary>
    public string Culture { get; set; } = "vi";

    /// <summary>The <c>sizes</c> attribute: how wide the image is drawn at each breakpoint.</summary>
    public string Sizes { get; set; } = "100vw";

    /// <summary>Width/height ratio to crop to, e.g. <c>4/3</c>; empty keeps the image's own shape.</summary>
    public string? Aspect { get; set; }

    /// <summary>The widest variant offered.</summary>
    public int MaxWidth { get; set; } = 1600;

    /// <summary>The page's main image: loaded eagerly with high priority.</summary>
    public bool Priority { get; set; }

    /// <summary>Overrides the item's alt text (an empty string marks the image as decorative).</summary>
    public string? Alt { get; set; }

    public FitMode Mode { get; set; } = FitMode.Crop;

    public override void Process(TagHelperContext context, TagHelperOutput output)
    {
        if (Item is not { IsImage: true, Width: { } sourceWidth, Height: { } sourceHeight } item)
        {
            output.SuppressOutput();
            return;
        }

        var image = images.For(item, sourceWidth, sourceHeight, Aspect, MaxWidth, Mode);
        output.TagName = "img";
        output.TagMode = TagMode.SelfClosing;
        output.Attributes.SetAttribute("src", image.Src);
        output.Attributes.SetAttribute("srcset", image.SrcSet);
        output.Attributes.SetAttribute("sizes", Sizes);
        output.Attributes.SetAttribute("width", image.Width);
        output.Attributes.SetAttribute("height", image.Height);
        output.Attributes.SetAttribute("alt", Alt ?? item.Alt(Culture));
        if (Priority)
        {
            output.Attributes.SetAttribute("fetchpriority", "high");
        }
        else
        {
            output.Attributes.SetAttribute("loading", "lazy");
            output.Attributes.SetAttribute("decoding", "async");
        }
    }
}
