using System.Collections.Frozen;

namespace Spcncl.Media;

/// <summary>A media item as the site reads it (immutable; replaced in the index when edited).</summary>
public sealed record MediaItem(
    int Id,
    Guid Key,
    int? FolderId,
    string Name,
    string FileName,
    string StoredName,
    MediaKind Kind,
    string ContentType,
    long Bytes,
    int? Width,
    int? Height,
    double? FocalX,
    double? FocalY,
    FrozenDictionary<string, string> AltText,
    FrozenDictionary<string, string> Caption,
    int Version,
    DateTime UpdatedUtc)
{
    public bool IsImage => Kind == MediaKind.Image;

    /// <summary>The alt text in <paramref name="culture"/>; an empty string marks a decorative image.</summary>
    public string Alt(string culture) => AltText.GetValueOrDefault(culture) ?? "";

    public string? CaptionIn(string culture) => Caption.GetValueOrDefault(culture);

    /// <summary>The extension of the stored file (<c>jpg</c>, <c>pdf</c>, …).</summary>
    public string Extension => Path.GetExtension(StoredName).TrimStart('.');
}

public enum MediaKind
{
    Image,
    Document,
    Video,
    Captions,
}

/// <summary>A folder of the media library: a name, inside another folder or at the top (<see cref="ParentId"/> null).</summary>
public sealed record MediaFolder(int Id, int? ParentId, string Name);
