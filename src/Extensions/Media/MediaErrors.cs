namespace Spcncl.Media;

/// <summary>
/// Why the media library refused something, as codes: the back office turns each into a sentence in the reader's
/// language (<c>BackOffice.Media.Error.{code}</c> in the dictionary, with the arguments as {0}, {1}, …); logs and
/// importers read the English message beside it.
/// </summary>
public static class MediaErrors
{
    public const string TooLarge = "tooLarge";
    public const string TooMany = "tooMany";
    public const string Empty = "empty";
    public const string Svg = "svg";
    public const string Type = "type";
    public const string Container = "container";
    public const string Archive = "archive";
    public const string Macros = "macros";
    public const string Renamed = "renamed";
    public const string Damaged = "damaged";
    public const string Dimensions = "dimensions";
    public const string PdfIncomplete = "pdfIncomplete";
    public const string Polyglot = "polyglot";
    public const string Captions = "captions";
    public const string Culture = "culture";
    public const string KeyTaken = "keyTaken";
    public const string NotFound = "notFound";
    public const string FolderNotFound = "folderNotFound";
    public const string FolderName = "folderName";
    public const string FolderTaken = "folderTaken";
    public const string KindChange = "kindChange";
    public const string Conflict = "conflict";
    public const string Focal = "focal";
    public const string InUse = "inUse";
    public const string NoFile = "noFile";
    public const string Form = "form";

    public static readonly IReadOnlyList<string> All =
    [
        TooLarge, TooMany, Empty, Svg, Type, Container, Archive, Macros, Renamed, Damaged, Dimensions, PdfIncomplete, Polyglot, Captions,
        Culture, KeyTaken, NotFound, FolderNotFound, FolderName, FolderTaken, KindChange, Conflict, Focal, InUse, NoFile, Form,
    ];
}

/// <summary>A refusal: its code (<see cref="MediaErrors"/>), the English message, and the values a translated sentence needs.</summary>
public sealed record MediaError(string Code, string Message, IReadOnlyList<string> Arguments)
{
    public static MediaError Of(string code, string message, params string[] arguments) => new(code, message, arguments);
}
