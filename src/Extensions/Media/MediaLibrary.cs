using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using Spcncl.Content.Notifications;
using Spcncl.Localization;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;

namespace Spcncl.Media;

/// <summary>
/// The one way to add, replace, describe and delete media. Every upload is checked by its content: the size, the
/// type from its bytes (never its name), image headers before decoding; images are decoded and re-encoded, which
/// strips EXIF/GPS and anything appended. Files are stored under generated names.
/// </summary>
public sealed class MediaLibrary(
    SiteDbContextFactory dbFactory,
    IMediaStorage storage,
    ImageCodec codec,
    ContentChangeDispatcher dispatcher,
    SiteCultures cultures,
    IOptions<MediaOptions> options,
    TimeProvider clock)
{
    public async Task<MediaAttempt<MediaItem>> UploadAsync(MediaUpload upload, string user, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var (entity, error) = await AddAsync(db, upload, user, ct);
        if (entity is null)
        {
            return error!;
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await RecordAsync(db, entity.Id, ct);
        }
        catch
        {
            // The row did not land: the file must not linger without it.
            await storage.DeleteAsync(entity.StoredName, CancellationToken.None);
            throw;
        }

        await dispatcher.DispatchLocalAsync([new ContentChange(ContentChangeKind.RefreshMedia, [entity.Id])], ct);
        return MediaAttempt<MediaItem>.Success(ToItem(entity));
    }

    /// <summary>
    /// Checks and stores the file and adds its row to <paramref name="db"/> without saving, so an importer can add
    /// many items in one transaction. If that transaction fails, the caller deletes the stored files.
    /// </summary>
    internal async Task<(MediaItemEntity? Entity, MediaAttempt<MediaItem>? Error)> AddAsync(SiteDbContext db, MediaUpload upload, string user, CancellationToken ct)
    {
        if ((Unknown(upload.AltText) ?? Unknown(upload.Caption)) is { } culture)
        {
            return (null, MediaAttempt<MediaItem>.Fail(MediaStatus.Invalid, $"'{culture}' is not a site culture"));
        }

        await using var prepared = await PrepareAsync(upload.Content, upload.FileName, ct, upload.Trusted);
        if (prepared.Error is { } error)
        {
            return (null, error);
        }

        var key = upload.Key ?? Guid.NewGuid();
        if (await db.MediaItems.AnyAsync(m => m.Key == key, ct))
        {
            return (null, MediaAttempt<MediaItem>.Fail(MediaStatus.Invalid, $"a media item with key {key} already exists"));
        }

        if (upload.FolderId is { } folder && !await db.MediaFolders.AnyAsync(f => f.Id == folder, ct))
        {
            return (null, MediaAttempt<MediaItem>.Fail(MediaStatus.NotFound, $"media folder {folder} does not exist"));
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var entity = new MediaItemEntity
        {
            Key = key,
            FolderId = upload.FolderId,
            Name = CleanName(upload.Name ?? Path.GetFileNameWithoutExtension(upload.FileName)),
            FileName = CleanFileName(upload.FileName, prepared.Type!.Extension),
            StoredName = StoredName(key, 1, prepared.Type.Extension),
            Kind = prepared.Type.Kind.ToString(),
            ContentType = prepared.Type.ContentType,
            Bytes = prepared.Output!.Length,
            Width = prepared.Width,
            Height = prepared.Height,
            FocalX = upload.FocalX,
            FocalY = upload.FocalY,
            AltText = WriteTexts(upload.AltText),
            Caption = WriteTexts(upload.Caption),
            Version = 1,
            Sha256 = prepared.Sha256!,
            CreatedUtc = now,
            CreatedBy = user,
            UpdatedUtc = now,
            UpdatedBy = user,
        };

        prepared.Output.Position = 0;
        await storage.SaveAsync(entity.StoredName, prepared.Output, ct);
        db.MediaItems.Add(entity);
        return (entity, null);
    }

    /// <summary>Replaces the file of an item, keeping its key, name and texts. The version increases, so every URL changes.</summary>
    public async Task<MediaAttempt<MediaItem>> ReplaceAsync(Guid key, Stream content, string fileName, string user, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var entity = await db.MediaItems.FirstOrDefaultAsync(m => m.Key == key, ct);
        if (entity is null)
        {
            return MediaAttempt<MediaItem>.Fail(MediaStatus.NotFound, $"media item {key} does not exist");
        }

        await using var prepared = await PrepareAsync(content, fileName, ct);
        if (prepared.Error is { } error)
        {
            return error;
        }

        if (prepared.Type!.Kind.ToString() != entity.Kind)
        {
            return MediaAttempt<MediaItem>.Fail(MediaStatus.Unsupported, $"a {entity.Kind.ToLowerInvariant()} can only be replaced by another {entity.Kind.ToLowerInvariant()}, not a {prepared.Type.Kind.ToString().ToLowerInvariant()}");
        }

        var oldName = entity.StoredName;
        entity.Version++;
        entity.StoredName = StoredName(key, entity.Version, prepared.Type.Extension);
        entity.FileName = CleanFileName(fileName, prepared.Type.Extension);
        entity.ContentType = prepared.Type.ContentType;
        entity.Bytes = prepared.Output!.Length;
        entity.Width = prepared.Width;
        entity.Height = prepared.Height;
        entity.Sha256 = prepared.Sha256!;
        entity.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        entity.UpdatedBy = user;

        prepared.Output.Position = 0;
        await storage.SaveAsync(entity.StoredName, prepared.Output, ct);
        try
        {
            await db.SaveChangesAsync(ct);
            await RecordAsync(db, entity.Id, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            await storage.DeleteAsync(entity.StoredName, CancellationToken.None);
            return MediaAttempt<MediaItem>.Fail(MediaStatus.Conflict, "someone else replaced this file meanwhile; nothing was overwritten");
        }

        await storage.DeleteAsync(oldName, ct);
        await dispatcher.DispatchLocalAsync([new ContentChange(ContentChangeKind.RefreshMedia, [entity.Id])], ct);
        return MediaAttempt<MediaItem>.Success(ToItem(entity));
    }

    /// <summary>Changes what an item says about itself: name, alt text and caption per culture, focal point.</summary>
    public async Task<MediaAttempt<MediaItem>> DescribeAsync(Guid key, MediaDescription description, string user, CancellationToken ct = default)
    {
        if (description.FocalX is < 0 or > 1 || description.FocalY is < 0 or > 1)
        {
            return MediaAttempt<MediaItem>.Fail(MediaStatus.Invalid, "the focal point must lie within the image (0 to 1 from the left and the top)");
        }

        if ((Unknown(description.AltText) ?? Unknown(description.Caption)) is { } culture)
        {
            return MediaAttempt<MediaItem>.Fail(MediaStatus.Invalid, $"'{culture}' is not a site culture");
        }

        await using var db = dbFactory.CreateDbContext();
        var entity = await db.MediaItems.FirstOrDefaultAsync(m => m.Key == key, ct);
        if (entity is null)
        {
            return MediaAttempt<MediaItem>.Fail(MediaStatus.NotFound, $"media item {key} does not exist");
        }

        if (description.Name is { } name)
        {
            entity.Name = CleanName(name);
        }

        if (description.AltText is not null)
        {
            entity.AltText = WriteTexts(description.AltText);
        }

        if (description.Caption is not null)
        {
            entity.Caption = WriteTexts(description.Caption);
        }

        if ((description.FocalX is { } fx && fx != entity.FocalX) || (description.FocalY is { } fy && fy != entity.FocalY))
        {
            // Crops change with the focal point, and URLs carry the version: new crops, new URLs.
            entity.FocalX = description.FocalX ?? entity.FocalX;
            entity.FocalY = description.FocalY ?? entity.FocalY;
            entity.Version++;
        }

        entity.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        entity.UpdatedBy = user;
        await db.SaveChangesAsync(ct);
        await RecordAsync(db, entity.Id, ct);
        await dispatcher.DispatchLocalAsync([new ContentChange(ContentChangeKind.RefreshMedia, [entity.Id])], ct);
        return MediaAttempt<MediaItem>.Success(ToItem(entity));
    }

    public async Task<MediaAttempt<Guid>> DeleteAsync(Guid key, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var entity = await db.MediaItems.FirstOrDefaultAsync(m => m.Key == key, ct);
        if (entity is null)
        {
            return MediaAttempt<Guid>.Fail(MediaStatus.NotFound, $"media item {key} does not exist");
        }

        db.MediaItems.Remove(entity);
        await db.SaveChangesAsync(ct);
        await RecordAsync(db, entity.Id, ct);
        await storage.DeleteAsync(entity.StoredName, ct);
        await dispatcher.DispatchLocalAsync([new ContentChange(ContentChangeKind.RefreshMedia, [entity.Id])], ct);
        return MediaAttempt<Guid>.Success(key);
    }

    internal static MediaItem ToItem(MediaItemEntity entity) => new(
        entity.Id,
        entity.Key,
        entity.FolderId,
        entity.Name,
        entity.FileName,
        entity.StoredName,
        Enum.Parse<MediaKind>(entity.Kind),
        entity.ContentType,
        entity.Bytes,
        entity.Width,
        entity.Height,
        entity.FocalX,
        entity.FocalY,
        ReadTexts(entity.AltText),
        ReadTexts(entity.Caption),
        entity.Version,
        entity.UpdatedUtc);

    internal static FrozenDictionary<string, string> ReadTexts(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? []).ToFrozenDictionary(StringComparer.Ordinal);

    private string? Unknown(IReadOnlyDictionary<string, string>? texts) => texts?.Keys.FirstOrDefault(k => !cultures.IsSupported(k));

    private static string WriteTexts(IReadOnlyDictionary<string, string>? texts) =>
        JsonSerializer.Serialize((texts ?? new Dictionary<string, string>())
            .Where(t => !string.IsNullOrWhiteSpace(t.Value))
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(t => t.Key, t => t.Value.Trim()));

    private async Task RecordAsync(SiteDbContext db, int id, CancellationToken ct)
    {
        dispatcher.Record(db, [new ContentChange(ContentChangeKind.RefreshMedia, [id])]);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Copies the upload aside within the size limit, identifies it by content and, for images, re-encodes it.</summary>
    private async Task<PreparedUpload> PrepareAsync(Stream content, string fileName, CancellationToken ct, bool trusted = false)
    {
        var limit = options.Value.MaxUploadBytes;
        var raw = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var prepared = new PreparedUpload(raw);
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await content.ReadAsync(buffer, ct)) > 0)
        {
            total += read;
            if (total > limit)
            {
                prepared.Error = MediaAttempt<MediaItem>.Fail(MediaStatus.TooLarge, $"the file is larger than the {limit / 1024 / 1024} MB allowed");
                return prepared;
            }

            await raw.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        var sniffed = FileSniffer.Detect(raw);
        if (sniffed.Type is not { } type)
        {
            prepared.Error = MediaAttempt<MediaItem>.Fail(MediaStatus.Unsupported, sniffed.Reason!);
            return prepared;
        }

        var claimed = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        if (claimed.Length > 0 && !type.NameExtensions.Contains(claimed))
        {
            prepared.Error = MediaAttempt<MediaItem>.Fail(MediaStatus.Unsupported, $"the file is a {type.Extension.ToUpperInvariant()} but its name ends in .{claimed}: rename it or upload the right file");
            return prepared;
        }

        prepared.Type = type;
        var problem = type.Kind switch
        {
            MediaKind.Image when trusted => InspectOnly(prepared),
            MediaKind.Image => ReencodeImage(prepared),
            MediaKind.Document when type.Extension == "pdf" => CheckPdf(raw),
            MediaKind.Captions => CheckCaptions(raw),
            _ => null,
        };
        if (problem is not null)
        {
            prepared.Error = MediaAttempt<MediaItem>.Fail(MediaStatus.Invalid, problem);
            return prepared;
        }

        prepared.Output ??= raw;
        prepared.Output.Position = 0;
        prepared.Sha256 = Convert.ToHexString(await SHA256.HashDataAsync(prepared.Output, ct)).ToLowerInvariant();
        prepared.Output.Position = 0;
        return prepared;
    }

    private string? InspectOnly(PreparedUpload prepared)
    {
        var (width, height, error) = codec.Inspect(prepared.Raw);
        prepared.Width = width;
        prepared.Height = height;
        return error;
    }

    private string? ReencodeImage(PreparedUpload prepared)
    {
        var (width, height, error) = codec.Inspect(prepared.Raw);
        if (error is not null)
        {
            return error;
        }

        try
        {
            using var image = codec.Load(prepared.Raw);
            ImageCodec.Normalise(image);
            var output = new MemoryStream();
            codec.Save(image, output, prepared.Type!.Extension);
            prepared.Output = output;
            prepared.Width = image.Width;
            prepared.Height = image.Height;
            return null;
        }
        catch (Exception ex) when (ex is ImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return $"the image cannot be read ({width} × {height} declared): the file is damaged";
        }
    }

    /// <summary>A PDF must end like one and must not double as an archive or a web page (polyglots).</summary>
    private static string? CheckPdf(FileStream raw)
    {
        var length = raw.Length;
        var tail = new byte[(int)Math.Min(2048, length)];
        raw.Position = length - tail.Length;
        raw.ReadExactly(tail);
        raw.Position = 0;
        var head = new byte[(int)Math.Min(4096, length)];
        raw.ReadExactly(head);
        raw.Position = 0;
        if (tail.AsSpan().IndexOf("%%EOF"u8) < 0)
        {
            return "the PDF is incomplete (no end-of-file marker)";
        }

        if (tail.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06]) >= 0)
        {
            return "the PDF also carries a ZIP archive: polyglot files are not accepted";
        }

        var text = Encoding.Latin1.GetString(head);
        return text.Contains("<html", StringComparison.OrdinalIgnoreCase) || text.Contains("<script", StringComparison.OrdinalIgnoreCase)
            ? "the PDF also carries web page markup: polyglot files are not accepted"
            : null;
    }

    private static string? CheckCaptions(FileStream raw)
    {
        try
        {
            using var reader = new StreamReader(raw, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            _ = reader.ReadToEnd();
            return null;
        }
        catch (DecoderFallbackException)
        {
            return "a WebVTT caption file must be UTF-8 text";
        }
        finally
        {
            raw.Position = 0;
        }
    }

    private static string StoredName(Guid key, int version, string extension) => $"{key:N}-{version}.{extension}";

    private static string CleanName(string name)
    {
        var cleaned = new string(name.Where(c => !char.IsControl(c)).ToArray()).Trim();
        return cleaned.Length == 0 ? "file" : cleaned[..Math.Min(cleaned.Length, 200)];
    }

    /// <summary>The name offered on download: the uploader's name without any path, control or reserved characters, with the real extension.</summary>
    private static string CleanFileName(string fileName, string extension)
    {
        var name = Path.GetFileNameWithoutExtension(fileName.Replace('\\', '/').Split('/')[^1]);
        var cleaned = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '<' or '>' or '|' or ':' or '*' or '?' or '/' or '\\')).ToArray()).Trim().Trim('.');
        return $"{(cleaned.Length == 0 ? "file" : cleaned[..Math.Min(cleaned.Length, 150)])}.{extension}";
    }

    private sealed class PreparedUpload(FileStream raw) : IAsyncDisposable
    {
        public FileStream Raw { get; } = raw;

        public Stream? Output { get; set; }

        public SniffedType? Type { get; set; }

        public int? Width { get; set; }

        public int? Height { get; set; }

        public string? Sha256 { get; set; }

        public MediaAttempt<MediaItem>? Error { get; set; }

        public async ValueTask DisposeAsync()
        {
            if (Output is not null && Output != Raw)
            {
                await Output.DisposeAsync();
            }

            await Raw.DisposeAsync();
        }
    }
}

public sealed record MediaUpload(Stream Content, string FileName)
{
    public string? Name { get; init; }

    public int? FolderId { get; init; }

    public IReadOnlyDictionary<string, string>? AltText { get; init; }

    public IReadOnlyDictionary<string, string>? Caption { get; init; }

    public double? FocalX { get; init; }

    public double? FocalY { get; init; }

    /// <summary>A fixed key (uSync seeds keep theirs); otherwise a new one.</summary>
    public Guid? Key { get; init; }

    /// <summary>
    /// The site's own output (demo pictures it has just drawn): still identified by content and size-checked, but not
    /// decoded and re-encoded again. Never set for anything a person uploaded.
    /// </summary>
    internal bool Trusted { get; init; }
}

public sealed record MediaDescription(
    string? Name = null,
    IReadOnlyDictionary<string, string>? AltText = null,
    IReadOnlyDictionary<string, string>? Caption = null,
    double? FocalX = null,
    double? FocalY = null);

public sealed record MediaAttempt<T>(MediaStatus Status, T? Value, string? Message)
{
    public bool Succeeded => Status == MediaStatus.Success;

    public static MediaAttempt<T> Success(T value) => new(MediaStatus.Success, value, null);

    public static MediaAttempt<T> Fail(MediaStatus status, string message) => new(status, default, message);

    public override string ToString() => Succeeded ? "Success" : $"{Status}: {Message}";
}

/// <summary>Why an upload or edit was refused; maps onto HTTP statuses (413, 415, 422, 404, 409).</summary>
public enum MediaStatus
{
    Success,
    TooLarge,
    Unsupported,
    Invalid,
    NotFound,
    Conflict,
    InUse,
}
