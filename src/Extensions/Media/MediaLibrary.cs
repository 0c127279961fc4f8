using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using Spcncl.Content.Documents;
using Spcncl.Content.Notifications;
using Spcncl.Localization;
using Spcncl.Persistence;
using Spcncl.Persistence.Entities;

namespace Spcncl.Media;

/// <summary>
/// The one way to add, replace, describe, move and delete media, and to keep its folders. Every upload is checked by its
/// content: the size, the type from its bytes (never its name), image headers before decoding; images are decoded and
/// re-encoded (within the <see cref="ImageProcessingLimit"/> that variants share), which strips EXIF/GPS and anything
/// appended. Files are stored under generated names. An item that documents use cannot be deleted.
/// </summary>
public sealed class MediaLibrary(
    SiteDbContextFactory dbFactory,
    IMediaStorage storage,
    ImageCodec codec,
    ImageProcessingLimit limit,
    ImageVariants variants,
    IContentService content,
    ContentChangeDispatcher dispatcher,
    SiteCultures cultures,
    IOptions<MediaOptions> options,
    TimeProvider clock)
{
    private const int MaxFolderName = 100;

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
        if (FocalPointError(upload.FocalX, upload.FocalY) is { } focal)
        {
            return (null, MediaAttempt<MediaItem>.Fail(MediaStatus.Invalid, focal));
        }

        if ((Unknown(upload.AltText) ?? Unknown(upload.Caption)) is { } culture)
        {
            return (null, MediaAttempt<MediaItem>.Fail(MediaStatus.Invalid, CultureError(culture)));
        }

        var key = upload.Key ?? Guid.NewGuid();
        await using var prepared = await PrepareAsync(upload.Content, upload.FileName, key, 1, ct, upload.Trusted);
        if (prepared.Error is { } error)
        {
            return (null, error);
        }

        if (await db.MediaItems.AnyAsync(m => m.Key == key, ct))
        {
            return (null, MediaAttempt<MediaItem>.Fail(MediaStatus.Invalid, MediaError.Of(MediaErrors.KeyTaken, $"a media item with key {key} already exists")));
        }

        if (upload.FolderId is { } folder && !await db.MediaFolders.AnyAsync(f => f.Id == folder, ct))
        {
            return (null, MediaAttempt<MediaItem>.Fail(MediaStatus.NotFound, FolderMissing(folder)));
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
            return MediaAttempt<MediaItem>.Fail(MediaStatus.NotFound, ItemMissing(key));
        }

        await using var prepared = await PrepareAsync(content, fileName, key, entity.Version + 1, ct);
        if (prepared.Error is { } error)
        {
            return error;
        }

        if (prepared.Type!.Kind.ToString() != entity.Kind)
        {
            var (was, now) = (entity.Kind.ToLowerInvariant(), prepared.Type.Kind.ToString().ToLowerInvariant());
            return MediaAttempt<MediaItem>.Fail(MediaStatus.Unsupported, MediaError.Of(MediaErrors.KindChange, $"a {was} can only be replaced by another {was}, not a {now}", was, now));
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
            return MediaAttempt<MediaItem>.Fail(MediaStatus.Conflict, MediaError.Of(MediaErrors.Conflict, "someone else replaced this file meanwhile; nothing was overwritten"));
        }

        await storage.DeleteAsync(oldName, ct);
        await dispatcher.DispatchLocalAsync([new ContentChange(ContentChangeKind.RefreshMedia, [entity.Id])], ct);
        return MediaAttempt<MediaItem>.Success(ToItem(entity));
    }

    /// <summary>Changes what an item says about itself: name, alt text and caption per culture, focal point.</summary>
    public async Task<MediaAttempt<MediaItem>> DescribeAsync(Guid key, MediaDescription description, string user, CancellationToken ct = default)
    {
        if (FocalPointError(description.FocalX, description.FocalY) is { } focal)
        {
            return MediaAttempt<MediaItem>.Fail(MediaStatus.Invalid, focal);
        }

        if ((Unknown(description.AltText) ?? Unknown(description.Caption)) is { } culture)
        {
            return MediaAttempt<MediaItem>.Fail(MediaStatus.Invalid, CultureError(culture));
        }

        await using var db = dbFactory.CreateDbContext();
        var entity = await db.MediaItems.FirstOrDefaultAsync(m => m.Key == key, ct);
        if (entity is null)
        {
            return MediaAttempt<MediaItem>.Fail(MediaStatus.NotFound, ItemMissing(key));
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

        return await SaveChangedAsync(db, entity, user, ct);
    }

    /// <summary>Puts an item in a folder (or at the top of the library when <paramref name="folderId"/> is null).</summary>
    public async Task<MediaAttempt<MediaItem>> MoveAsync(Guid key, int? folderId, string user, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var entity = await db.MediaItems.FirstOrDefaultAsync(m => m.Key == key, ct);
        if (entity is null)
        {
            return MediaAttempt<MediaItem>.Fail(MediaStatus.NotFound, ItemMissing(key));
        }

        if (folderId is { } folder && !await db.MediaFolders.AnyAsync(f => f.Id == folder, ct))
        {
            return MediaAttempt<MediaItem>.Fail(MediaStatus.NotFound, FolderMissing(folder));
        }

        entity.FolderId = folderId;
        return await SaveChangedAsync(db, entity, user, ct);
    }

    /// <summary>Deletes an item and its file, unless a document (draft or published, in any culture) still refers to it.</summary>
    public async Task<MediaAttempt<Guid>> DeleteAsync(Guid key, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var entity = await db.MediaItems.FirstOrDefaultAsync(m => m.Key == key, ct);
        if (entity is null)
        {
            return MediaAttempt<Guid>.Fail(MediaStatus.NotFound, ItemMissing(key));
        }

        if (await content.FindReferencesAsync(key, ct) is { Count: > 0 } users)
        {
            var count = users.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return MediaAttempt<Guid>.Fail(MediaStatus.InUse, MediaError.Of(MediaErrors.InUse, $"{count} documents use this file: {string.Join(", ", users.Select(u => u.Id))}", count));
        }

        db.MediaItems.Remove(entity);
        await db.SaveChangesAsync(ct);
        await RecordAsync(db, entity.Id, ct);
        await storage.DeleteAsync(entity.StoredName, ct);
        await dispatcher.DispatchLocalAsync([new ContentChange(ContentChangeKind.RefreshMedia, [entity.Id])], ct);
        return MediaAttempt<Guid>.Success(key);
    }

    /// <summary>Every folder, for the library's screens (a few hundred at most).</summary>
    public async Task<IReadOnlyList<MediaFolder>> GetFoldersAsync(CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var rows = await db.MediaFolders.AsNoTracking().OrderBy(f => f.Id).ToListAsync(ct);
        return [.. rows.Select(f => new MediaFolder(f.Id, f.ParentId, f.Name))];
    }

    /// <summary>Makes a folder at the top of the library or inside another; names are unique among siblings.</summary>
    public async Task<MediaAttempt<MediaFolder>> CreateFolderAsync(string name, int? parentId, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        if (parentId is { } parent && !await db.MediaFolders.AnyAsync(f => f.Id == parent, ct))
        {
            return MediaAttempt<MediaFolder>.Fail(MediaStatus.NotFound, FolderMissing(parent));
        }

        if (await FolderNameErrorAsync(db, name, parentId, null, ct) is { } error)
        {
            return MediaAttempt<MediaFolder>.Fail(MediaStatus.Invalid, error);
        }

        var entity = new MediaFolderEntity { Name = CleanFolderName(name), ParentId = parentId };
        db.MediaFolders.Add(entity);
        await db.SaveChangesAsync(ct);
        return MediaAttempt<MediaFolder>.Success(new MediaFolder(entity.Id, entity.ParentId, entity.Name));
    }

    public async Task<MediaAttempt<MediaFolder>> RenameFolderAsync(int id, string name, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext();
        var entity = await db.MediaFolders.FirstOrDefaultAsync(f => f.Id == id, ct);
        if (entity is null)
        {
            return MediaAttempt<MediaFolder>.Fail(MediaStatus.NotFound, FolderMissing(id));
        }

        if (await FolderNameErrorAsync(db, name, entity.ParentId, id, ct) is { } error)
        {
            return MediaAttempt<MediaFolder>.Fail(MediaStatus.Invalid, error);
        }

        entity.Name = CleanFolderName(name);
        await db.SaveChangesAsync(ct);
        return MediaAttempt<MediaFolder>.Success(new MediaFolder(entity.Id, entity.ParentId, entity.Name));
    }

    private static async Task<MediaError?> FolderNameErrorAsync(SiteDbContext db, string name, int? parentId, int? self, CancellationToken ct)
    {
        var cleaned = CleanFolderName(name);
        if (cleaned.Length == 0 || cleaned.Length > MaxFolderName)
        {
            var most = MaxFolderName.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return MediaError.Of(MediaErrors.FolderName, $"a folder needs a name of 1 to {most} characters", most);
        }

        var siblings = await db.MediaFolders.AsNoTracking().Where(f => f.ParentId == parentId && f.Id != self).Select(f => f.Name).ToListAsync(ct);
        return siblings.FirstOrDefault(s => string.Equals(s, cleaned, StringComparison.OrdinalIgnoreCase)) is { } taken
            ? MediaError.Of(MediaErrors.FolderTaken, $"there is already a folder called '{taken}' here", taken)
            : null;
    }

    private static string CleanFolderName(string name) => new string([.. (name ?? "").Where(c => !char.IsControl(c))]).Trim();

    /// <summary>Null when the point lies within the image (0 to 1 from the left and the top, or not set).</summary>
    private static MediaError? FocalPointError(double? x, double? y) =>
        x is { } fx && !(fx is >= 0 and <= 1) || y is { } fy && !(fy is >= 0 and <= 1)
            ? MediaError.Of(MediaErrors.Focal, "the focal point must lie within the image (0 to 1 from the left and the top)")
            : null;

    private static MediaError CultureError(string culture) => MediaError.Of(MediaErrors.Culture, $"'{culture}' is not a site culture", culture);

    private static MediaError ItemMissing(Guid key) => MediaError.Of(MediaErrors.NotFound, $"media item {key} does not exist");

    private static MediaError FolderMissing(int id) => MediaError.Of(MediaErrors.FolderNotFound, $"media folder {id} does not exist");

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

    /// <summary>Stamps and saves a changed item, records it, and tells the site's caches.</summary>
    private async Task<MediaAttempt<MediaItem>> SaveChangedAsync(SiteDbContext db, MediaItemEntity entity, string user, CancellationToken ct)
    {
        entity.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        entity.UpdatedBy = user;
        await db.SaveChangesAsync(ct);
        await RecordAsync(db, entity.Id, ct);
        await dispatcher.DispatchLocalAsync([new ContentChange(ContentChangeKind.RefreshMedia, [entity.Id])], ct);
        return MediaAttempt<MediaItem>.Success(ToItem(entity));
    }

    private async Task RecordAsync(SiteDbContext db, int id, CancellationToken ct)
    {
        dispatcher.Record(db, [new ContentChange(ContentChangeKind.RefreshMedia, [id])]);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Copies the upload aside within the size limit, identifies it by content and, for images, re-encodes it.</summary>
    private async Task<PreparedUpload> PrepareAsync(Stream content, string fileName, Guid key, int version, CancellationToken ct, bool trusted = false)
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
                prepared.Error = MediaAttempt<MediaItem>.Fail(MediaStatus.TooLarge, TooLarge(limit));
                return prepared;
            }

            await raw.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        var sniffed = FileSniffer.Detect(raw);
        if (sniffed.Type is not { } type)
        {
            prepared.Error = MediaAttempt<MediaItem>.Fail(MediaStatus.Unsupported, sniffed.Error!);
            return prepared;
        }

        var claimed = Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();
        if (claimed.Length > 0 && !type.NameExtensions.Contains(claimed))
        {
            var real = type.Extension.ToUpperInvariant();
            prepared.Error = MediaAttempt<MediaItem>.Fail(MediaStatus.Unsupported, MediaError.Of(MediaErrors.Renamed, $"the file is a {real} but its name ends in .{claimed}: rename it or upload the right file", real, claimed));
            return prepared;
        }

        prepared.Type = type;
        var problem = type.Kind switch
        {
            MediaKind.Image when trusted => InspectOnly(prepared),
            MediaKind.Image => await ReencodeImageAsync(prepared, StoredName(key, version, type.Extension), ct),
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

    /// <summary>The refusal of a file above <paramref name="limit"/> bytes, in whole megabytes (the back office's 413 uses it too).</summary>
    public static MediaError TooLarge(long limit)
    {
        var megabytes = Math.Max(1, limit / 1024 / 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return MediaError.Of(MediaErrors.TooLarge, $"the file is larger than the {megabytes} MB allowed", megabytes);
    }

    private MediaError? InspectOnly(PreparedUpload prepared)
    {
        var (width, height, error) = codec.Inspect(prepared.Raw);
        prepared.Width = width;
        prepared.Height = height;
        return error;
    }

    private async Task<MediaError?> ReencodeImageAsync(PreparedUpload prepared, string storedName, CancellationToken ct)
    {
        var (width, height, error) = codec.Inspect(prepared.Raw);
        if (error is not null)
        {
            return error;
        }

        // Decoding is what costs memory: uploads wait for a slot like variants do.
        using var slot = await limit.EnterAsync(ct);
        try
        {
            using var image = codec.Load(prepared.Raw);
            ImageCodec.Normalise(image);
            var output = new MemoryStream();
            codec.Save(image, output, prepared.Type!.Extension);
            prepared.Output = output;
            prepared.Width = image.Width;
            prepared.Height = image.Height;
            await KeepWorkingCopyAsync(storedName, image, ct);
            return null;
        }
        catch (Exception ex) when (ex is ImageFormatException or InvalidImageContentException or NotSupportedException)
        {
            return MediaError.Of(MediaErrors.Damaged, $"the image cannot be read ({width} × {height} declared): the file is damaged");
        }
    }

    /// <summary>A large photo's working copy, made while it is decoded anyway (see <see cref="ImageVariants"/>).</summary>
    private async Task KeepWorkingCopyAsync(string storedName, Image image, CancellationToken ct)
    {
        try
        {
            await variants.KeepWorkingCopyAsync(storedName, image, ct);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Only a head start: the first variant makes the working copy if it could not be kept now.
        }
    }

    /// <summary>A PDF must end like one and must not double as an archive or a web page (polyglots).</summary>
    private static MediaError? CheckPdf(FileStream raw)
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
            return MediaError.Of(MediaErrors.PdfIncomplete, "the PDF is incomplete (no end-of-file marker)");
        }

        if (tail.AsSpan().IndexOf((ReadOnlySpan<byte>)[0x50, 0x4B, 0x05, 0x06]) >= 0)
        {
            return MediaError.Of(MediaErrors.Polyglot, "the PDF also carries a ZIP archive: polyglot files are not accepted");
        }

        var text = Encoding.Latin1.GetString(head);
        return text.Contains("<html", StringComparison.OrdinalIgnoreCase) || text.Contains("<script", StringComparison.OrdinalIgnoreCase)
            ? MediaError.Of(MediaErrors.Polyglot, "the PDF also carries web page markup: polyglot files are not accepted")
            : null;
    }

    private static MediaError? CheckCaptions(FileStream raw)
    {
        try
        {
            using var reader = new StreamReader(raw, new UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            _ = reader.ReadToEnd();
            return null;
        }
        catch (DecoderFallbackException)
        {
            return MediaError.Of(MediaErrors.Captions, "a WebVTT caption file must be UTF-8 text");
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

    /// <summary>Why it failed, for screens to say in their reader's language; null on success.</summary>
    public MediaError? Error { get; init; }

    public static MediaAttempt<T> Success(T value) => new(MediaStatus.Success, value, null);

    public static MediaAttempt<T> Fail(MediaStatus status, MediaError error) => new(status, default, error.Message) { Error = error };

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
