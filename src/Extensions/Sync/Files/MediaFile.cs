namespace Spcncl.Sync.Files;

/// <summary>
/// One seed media item in <c>uSync/Media</c>: either a file kept beside it (<c>uSync/Media/files/…</c>) or a recipe
/// for a generated demo picture, so no unexplained binaries are committed.
/// </summary>
public sealed class MediaFile
{
    public Guid? Key { get; set; }

    public string? Name { get; set; }

    public Dictionary<string, string>? Alt { get; set; }

    public Dictionary<string, string>? Caption { get; set; }

    public double? FocalX { get; set; }

    public double? FocalY { get; set; }

    /// <summary>A file name inside <c>uSync/Media/files</c> (no folders).</summary>
    public string? File { get; set; }

    public MediaRecipeFile? Generate { get; set; }
}

/// <summary>
/// A generated demo file: a picture (<c>product</c>, <c>logo</c>, <c>banner</c>: seed, palette, size) or a document
/// (<c>pdf</c>, <c>docx</c>: language, issuer, title and text, see <see cref="Media.DemoDocuments"/>).
/// </summary>
public sealed class MediaRecipeFile
{
    public string? Style { get; set; }

    public string? Culture { get; set; }

    public string? Issuer { get; set; }

    public string? Title { get; set; }

    public string? Text { get; set; }

    public int? Seed { get; set; }

    public string? Palette { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }
}
