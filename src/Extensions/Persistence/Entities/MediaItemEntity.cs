namespace Spcncl.Persistence.Entities;

/// <summary>An uploaded file (image, document, video, captions). The bytes live in media storage under <see cref="StoredName"/>.</summary>
public sealed class MediaItemEntity
{
    public int Id { get; set; }

    public Guid Key { get; set; }

    public int? FolderId { get; set; }

    /// <summary>The name editors see and search.</summary>
    public string Name { get; set; } = "";

    /// <summary>The uploader's file name, cleaned, used only for downloads' Content-Disposition.</summary>
    public string FileName { get; set; } = "";

    /// <summary>Generated (key, version, extension); never built from user input.</summary>
    public string StoredName { get; set; } = "";

    public string Kind { get; set; } = "";

    public string ContentType { get; set; } = "";

    public long Bytes { get; set; }

    public int? Width { get; set; }

    public int? Height { get; set; }

    /// <summary>The point to keep in frame when cropping, 0–1 from the left and top.</summary>
    public double? FocalX { get; set; }

    public double? FocalY { get; set; }

    /// <summary>Alt text per culture, JSON object culture → text.</summary>
    public string AltText { get; set; } = "{}";

    /// <summary>Caption per culture, JSON object culture → text.</summary>
    public string Caption { get; set; } = "{}";

    /// <summary>Increases when the file is replaced; URLs carry it, so caches never serve the old file.</summary>
    public int Version { get; set; } = 1;

    public string Sha256 { get; set; } = "";

    public DateTime CreatedUtc { get; set; }

    public string CreatedBy { get; set; } = "";

    public DateTime UpdatedUtc { get; set; }

    public string UpdatedBy { get; set; } = "";
}

/// <summary>A folder of the media library.</summary>
public sealed class MediaFolderEntity
{
    public int Id { get; set; }

    public int? ParentId { get; set; }

    public string Name { get; set; } = "";
}
