using Spcncl.Media;
using Spcncl.Site.BackOffice.Editing;

namespace Spcncl.Site.BackOffice;

// View models of the media library's screens. The controller builds them; the views only print them.

/// <summary>One folder of the library (or its top): the way there, its folders and a page of its files, the form to upload more, and what the last action did.</summary>
public sealed record MediaBrowseView(
    MediaFolder? Folder,
    IReadOnlyList<Crumb> Path,
    IReadOnlyList<MediaFolderRow> Folders,
    IReadOnlyList<MediaRow> Items,
    MediaPaging Paging,
    IReadOnlyList<UploadRow> Uploaded,
    string? Saved,
    MediaFolderForm NewFolder,
    MediaFolderForm? Rename,
    MediaUploadLimits Limits)
{
    /// <summary>Where the upload form posts: into this folder.</summary>
    public string UploadAction => $"{BackOfficeHost.Path}/media/upload{(Folder is null ? "" : $"?folder={Folder.Id}")}";

    public string Heading(string library) => Folder?.Name ?? library;
}

public sealed record MediaFolderRow(int Id, string Name, int Items)
{
    public string Url => $"{BackOfficeHost.Path}/media/folders/{Id}";
}

/// <summary>A file in the list: a thumbnail for images, what it is, how big, when it changed and by whom.</summary>
public sealed record MediaRow(Guid Key, string Name, string Kind, string? Thumbnail, string Size, string? Dimensions, DateTime UpdatedUtc)
{
    public string Url => $"{BackOfficeHost.Path}/media/{Key}";
}

public sealed record MediaPaging(int Page, int Pages, string? Previous, string? Next);

/// <summary>The outcome of one uploaded file: its message in the reader's language, and a link when it was kept.</summary>
public sealed record UploadRow(string FileName, bool Succeeded, string Message, string? Url = null, string? Thumbnail = null);

/// <summary>A folder name being typed: what was typed and what is wrong with it.</summary>
public sealed record MediaFolderForm(string Action, string Name, string? Error, int? Parent = null);

/// <summary>What the upload form tells the browser's script, so it can refuse an oversized file before sending it.</summary>
public sealed record MediaUploadLimits(long MaxBytes, string TooLargeMessage, string FailedMessage, string UploadedMessage, string Accept);

/// <summary>One file: a preview with its focal point, its texts in each culture, where it is used, and the actions on it.</summary>
public sealed record MediaItemView(
    MediaItem Item,
    IReadOnlyList<Crumb> Path,
    string Kind,
    string Size,
    string? Dimensions,
    string OriginalUrl,
    MediaPreview? Preview,
    string Name,
    IReadOnlyList<MediaTexts> Texts,
    string FocalX,
    string FocalY,
    IReadOnlyList<UsedByRow> UsedBy,
    IReadOnlyList<PickOption> Folders,
    IReadOnlyDictionary<string, string> Errors,
    string? Saved,
    string? Refusal)
{
    public string Action(string verb) => $"{BackOfficeHost.Path}/media/{Item.Key}/{verb}";

    public string? Error(string field) => Errors.GetValueOrDefault(field);

    public bool IsUsed => UsedBy.Count > 0;

    /// <summary>The folder the file is in, as the move form's current choice ("" for the top of the library).</summary>
    public string FolderValue => Item.FolderId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "";
}

/// <summary>The picture on the file's page (a resized copy) and what it says to a screen reader.</summary>
public sealed record MediaPreview(string Url, int Width, int Height, string Alt);

/// <summary>The alt text and caption of one culture, as stored or as typed.</summary>
public sealed record MediaTexts(string Culture, string Language, string Alt, string Caption);

/// <summary>A document that refers to the file: its editor, and where the file appears in it.</summary>
public sealed record UsedByRow(string Name, string Type, string Url, bool Trashed, IReadOnlyList<string> Places);
