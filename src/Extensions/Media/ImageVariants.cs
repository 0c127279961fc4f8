using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using SixLabors.ImageSharp;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp.Processing;
using Spcncl.Hosting;

namespace Spcncl.Media;

/// <summary>
/// Processed images (resized, cropped around the focal point, re-encoded), cached on disk under a key of the source
/// version and the commands. Concurrent requests for the same uncached variant are processed once (single flight);
/// processing itself waits for the <see cref="ImageProcessingLimit"/> it shares with uploads, which bounds CPU and memory.
/// A storage or disk failure comes out as <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>, with no
/// half-written file left in the cache.
/// <para>
/// A large photo (a JPEG wider or taller than the widest width the site offers) also gets a <em>working copy</em> in the
/// cache: the same picture fitted within that width, made once (at upload, from the picture the upload has just
/// decoded, or at its first variant). Variants no larger than the working copy are made from it, so a 12-megapixel
/// original is decoded once, not for every width of every srcset. Such a variant has exactly the size it would have
/// from the original; anything larger, or the full size, is made from the original.
/// </para>
/// </summary>
public sealed class ImageVariants(IMediaStorage storage, ImageCodec codec, SitePaths paths, ImageProcessingLimit limit, IOptions<MediaOptions> options)
{
    private const int WorkingCopyQuality = 92;

    private readonly ConcurrentDictionary<string, Lazy<Task<ImageVariant?>>> _inFlight = new(StringComparer.Ordinal);
    private readonly string _cacheRoot = Path.Combine(paths.Data, "cache", "media");
    private long _processed;

    /// <summary>How many variants this process has computed (tests and /health read it: a cache hit does not count).</summary>
    public long ProcessedCount => Interlocked.Read(ref _processed);

    /// <summary>The output format for a request: <c>auto</c> becomes WebP when the browser accepts it.</summary>
    public static string OutputExtension(MediaItem item, ImageCommand command, bool acceptsWebp) => command.Format switch
    {
        OutputFormat.Webp => "webp",
        OutputFormat.Jpeg => "jpg",
        OutputFormat.Png => "png",
        OutputFormat.Auto when acceptsWebp => "webp",
        _ => item.Extension == "gif" ? "png" : item.Extension,
    };

    /// <summary>The cached file for the variant, computing it first when needed; null when the source file is missing.</summary>
    public async Task<ImageVariant?> GetAsync(MediaItem item, ImageCommand command, string extension, CancellationToken ct)
    {
        var name = CacheName(item, command, extension);
        var path = Path.Combine(_cacheRoot, name[..2], name);
        if (File.Exists(path))
        {
            return new ImageVariant(path, ContentTypeOf(extension), ETagOf(name));
        }

        var flight = _inFlight.GetOrAdd(name, _ => new Lazy<Task<ImageVariant?>>(() => ProduceAsync(item, command, extension, name, path)));
        try
        {
            return await flight.Value.WaitAsync(ct);
        }
        finally
        {
            if (flight.Value.IsCompleted)
            {
                _inFlight.TryRemove(new KeyValuePair<string, Lazy<Task<ImageVariant?>>>(name, flight));
            }
        }
    }

    private async Task<ImageVariant?> ProduceAsync(MediaItem item, ImageCommand command, string extension, string name, string path)
    {
        // Not the caller's token: other requests may be waiting on this same result.
        using (await limit.EnterAsync())
        {
            if (File.Exists(path))
            {
                return new ImageVariant(path, ContentTypeOf(extension), ETagOf(name));
            }

            using var image = await LoadSourceAsync(item, command);
            if (image is null)
            {
                return null;
            }

            Resize(image, item, command);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
            try
            {
                await using (var output = File.Create(temporary))
                {
                    codec.Save(image, output, extension, command.Quality);
                }

                File.Move(temporary, path, overwrite: true);
            }
            catch
            {
                // A full disk or a failed move: nothing half-written stays in the cache.
                TryDelete(temporary);
                throw;
            }

            Interlocked.Increment(ref _processed);
            return new ImageVariant(path, ContentTypeOf(extension), ETagOf(name));
        }
    }

    /// <summary>
    /// Keeps the working copy of a large photo that an upload has just decoded (after its orientation is applied), so its
    /// first variants need not decode the original again. The caller holds a processing slot. Nothing happens for a
    /// picture that needs none.
    /// </summary>
    /// <param name="storedName">The stored name the upload will have.</param>
    public async Task KeepWorkingCopyAsync(string storedName, Image image, CancellationToken ct)
    {
        if (WorkingSize(storedName, image.Width, image.Height) is not { } size)
        {
            return;
        }

        using var copy = image.Clone(x => x.Resize(new ResizeOptions { Size = size, Mode = ResizeMode.Stretch, Sampler = KnownResamplers.Bicubic }));
        await SaveWorkingCopyAsync(storedName, copy, ct);
    }

    /// <summary>The picture to resize: the working copy when it is large enough for the command (made now when missing), otherwise the original.</summary>
    private async Task<Image?> LoadSourceAsync(MediaItem item, ImageCommand command)
    {
        var working = item is { Width: { } width, Height: { } height } ? WorkingSize(item.StoredName, width, height) : null;
        var fits = working is { } size && (command.Width is not null || command.Height is not null)
            && (command.Width ?? 0) <= size.Width && (command.Height ?? 0) <= size.Height;
        var workingPath = WorkingPath(item.StoredName);
        if (fits && File.Exists(workingPath))
        {
            await using var cached = new FileStream(workingPath, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
            return await LoadAsync(cached);
        }

        await using var source = storage.OpenRead(item.StoredName);
        if (source is null)
        {
            return null;
        }

        var original = await LoadAsync(source);
        if (!fits)
        {
            return original;
        }

        // The first variant of a large photo that has no working copy yet (seed media, files from before working copies).
        using (original)
        {
            var copy = original.Clone(x => x.Resize(new ResizeOptions { Size = working!.Value, Mode = ResizeMode.Stretch, Sampler = KnownResamplers.Bicubic }));
            await SaveWorkingCopyAsync(item.StoredName, copy, CancellationToken.None);
            return copy;
        }
    }

    private async Task<Image> LoadAsync(Stream stream)
    {
        using var buffered = new MemoryStream();
        await stream.CopyToAsync(buffered);
        return codec.Load(buffered);
    }

    /// <summary>The size of a photo's working copy (its own shape, fitted within the widest width), or null when it needs none.</summary>
    private Size? WorkingSize(string storedName, int width, int height)
    {
        var side = options.Value.Widths[^1];
        if (!storedName.EndsWith(".jpg", StringComparison.Ordinal) || Math.Max(width, height) <= side)
        {
            return null;
        }

        var scale = (double)side / Math.Max(width, height);
        return new Size(Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }

    private string WorkingPath(string storedName) => Path.Combine(_cacheRoot, storedName[..2], Path.GetFileNameWithoutExtension(storedName) + "-work.jpg");

    private async Task SaveWorkingCopyAsync(string storedName, Image copy, CancellationToken ct)
    {
        var path = WorkingPath(storedName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var output = File.Create(temporary))
            {
                codec.Save(copy, output, "jpg", WorkingCopyQuality);
                await output.FlushAsync(ct);
            }

            File.Move(temporary, path, overwrite: true);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next cache clean-up.
        }
    }

    /// <summary>Resizes in place. Crop keeps the focal point in frame; no output is larger than the source (no upscaling).</summary>
    internal static void Resize(Image image, MediaItem item, ImageCommand command)
    {
        if (command.Width is null && command.Height is null)
        {
            return;
        }

        var width = command.Width ?? 0;
        var height = command.Height ?? 0;
        var resize = new ResizeOptions
        {
            Size = new Size(width, height),
            Mode = command.Mode switch
            {
                FitMode.Max => ResizeMode.Max,
                FitMode.Pad => ResizeMode.Pad,
                _ => width > 0 && height > 0 ? ResizeMode.Crop : ResizeMode.Max,
            },
            Sampler = KnownResamplers.Bicubic,
            PadColor = Color.White,
        };
        if (command.Mode == FitMode.Crop && item.FocalX is { } fx && item.FocalY is { } fy)
        {
            resize.CenterCoordinates = new PointF((float)fx, (float)fy);
        }

        // Never enlarge: ask for at most the source's size, keeping the requested aspect ratio.
        var scale = Math.Min(1.0, Math.Min(width > 0 ? (double)image.Width / width : 1.0, height > 0 ? (double)image.Height / height : 1.0));
        if (scale < 1.0)
        {
            resize.Size = new Size((int)Math.Round(width * scale), (int)Math.Round(height * scale));
        }

        image.Mutate(x => x.Resize(resize));
    }

    private static string CacheName(MediaItem item, ImageCommand command, string extension)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{item.Key:N}/{item.Version}/{item.FocalX}/{item.FocalY}?{command.ToQuery()}&as={extension}"));
        return $"{Convert.ToHexString(hash, 0, 16).ToLowerInvariant()}.{extension}";
    }

    private static string ETagOf(string cacheName) => $"\"{Path.GetFileNameWithoutExtension(cacheName)}\"";

    public static string ContentTypeOf(string extension) => extension switch
    {
        "webp" => "image/webp",
        "png" => "image/png",
        "gif" => "image/gif",
        _ => "image/jpeg",
    };
}

public sealed record ImageVariant(string Path, string ContentType, string ETag);
