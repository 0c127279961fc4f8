using System.IO.Compression;
using System.Text;

namespace Spcncl.Media;

/// <summary>
/// Decides what a file is from its bytes, never from its name or the client's Content-Type. Only the whitelist is
/// recognised: JPEG, PNG, WebP, GIF, PDF, DOCX, XLSX, MP4, WebM and WebVTT. SVG and everything else is refused.
/// </summary>
public static class FileSniffer
{
    public const int HeadLength = 64;

    private static readonly HashSet<string> Mp4Brands = new(StringComparer.Ordinal) { "isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "dash", "MSNV" };

    public static readonly IReadOnlyList<SniffedType> Whitelist =
    [
        new(MediaKind.Image, "image/jpeg", "jpg", ["jpg", "jpeg"]),
        new(MediaKind.Image, "image/png", "png", ["png"]),
        new(MediaKind.Image, "image/webp", "webp", ["webp"]),
        new(MediaKind.Image, "image/gif", "gif", ["gif"]),
        new(MediaKind.Document, "application/pdf", "pdf", ["pdf"]),
        new(MediaKind.Document, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", ["docx"]),
        new(MediaKind.Document, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", ["xlsx"]),
        new(MediaKind.Video, "video/mp4", "mp4", ["mp4", "m4v"]),
        new(MediaKind.Video, "video/webm", "webm", ["webm"]),
        new(MediaKind.Captions, "text/vtt", "vtt", ["vtt"]),
    ];

    /// <summary>What the file is, or why it is refused. <paramref name="file"/> must be seekable; its position is restored.</summary>
    public static SniffResult Detect(Stream file)
    {
        var head = new byte[HeadLength];
        file.Position = 0;
        var read = file.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        file.Position = 0;
        var bytes = head.AsSpan(0, read);
        if (read == 0)
        {
            return SniffResult.Refused(MediaErrors.Empty, "the file is empty");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return Found("jpg");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return Found("png");
        }

        if (read >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
        {
            return Found("webp");
        }

        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
        {
            return Found("gif");
        }

        if (bytes.StartsWith("%PDF-"u8))
        {
            return Found("pdf");
        }

        if (read >= 12 && bytes[4..8].SequenceEqual("ftyp"u8))
        {
            // The brand tells MP4 from HEIC, AVIF and QuickTime, which share the container.
            var brand = Encoding.ASCII.GetString(bytes[8..12]);
            return Mp4Brands.Contains(brand)
                ? Found("mp4")
                : SniffResult.Refused(MediaErrors.Container, $"the video container '{brand.Trim()}' is not accepted (MP4 or WebM)", brand.Trim());
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x1A, 0x45, 0xDF, 0xA3]))
        {
            return Found("webm");
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
        {
            return DetectOfficeDocument(file);
        }

        var text = Encoding.UTF8.GetString(bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? bytes[3..] : bytes).TrimStart();
        if (text.StartsWith("WEBVTT", StringComparison.Ordinal))
        {
            return Found("vtt");
        }

        if (text.StartsWith("<svg", StringComparison.OrdinalIgnoreCase) || text.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase))
        {
            return SniffResult.Refused(MediaErrors.Svg, "SVG and XML files are not accepted: they can carry scripts");
        }

        return SniffResult.Refused(MediaErrors.Type, "the file type is not accepted (JPEG, PNG, WebP, GIF, PDF, DOCX, XLSX, MP4, WebM or WebVTT)");
    }

    public static SniffedType ByExtension(string extension) => Whitelist.First(t => t.Extension == extension);

    private static SniffResult Found(string extension) => SniffResult.Accepted(ByExtension(extension));

    /// <summary>A ZIP is accepted only as a real Word or Excel file: its parts are read from the directory, nothing is extracted.</summary>
    private static SniffResult DetectOfficeDocument(Stream file)
    {
        try
        {
            using var zip = new ZipArchive(file, ZipArchiveMode.Read, leaveOpen: true);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (!names.Contains("[Content_Types].xml"))
            {
                return SniffResult.Refused(MediaErrors.Archive, "the file is a ZIP archive, not a Word or Excel document");
            }

            if (names.Any(n => n.EndsWith(".bin", StringComparison.OrdinalIgnoreCase) && n.Contains("vbaProject", StringComparison.OrdinalIgnoreCase)))
            {
                return SniffResult.Refused(MediaErrors.Macros, "documents with macros are not accepted");
            }

            if (names.Contains("word/document.xml"))
            {
                return Found("docx");
            }

            return names.Contains("xl/workbook.xml")
                ? Found("xlsx")
                : SniffResult.Refused(MediaErrors.Archive, "the file is a ZIP archive, not a Word or Excel document");
        }
        catch (InvalidDataException)
        {
            return SniffResult.Refused(MediaErrors.Archive, "the file looks like a ZIP archive but cannot be read");
        }
        finally
        {
            file.Position = 0;
        }
    }
}

public sealed record SniffedType(MediaKind Kind, string ContentType, string Extension, IReadOnlyList<string> NameExtensions);

public sealed record SniffResult(SniffedType? Type, MediaError? Error)
{
    public string? Reason => Error?.Message;

    public static SniffResult Accepted(SniffedType type) => new(type, null);

    public static SniffResult Refused(string code, string reason, params string[] arguments) => new(null, MediaError.Of(code, reason, arguments));
}
