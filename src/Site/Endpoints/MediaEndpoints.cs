using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;
using Spcncl.Media;

namespace Spcncl.Site.Endpoints;

/// <summary>
/// <c>/media/{key}/{version}/{name}</c>: originals (images inline; documents as attachments with their UTF-8 file
/// name; video and captions with range support) and processed images (signed commands or named presets only).
/// Successful answers are immutable for a year: the version in the URL changes whenever the file does. The name must
/// look like one the site writes (letters, digits, hyphens, the stored extension); it never names a file.
/// </summary>
public static class MediaEndpoints
{
    private const string Immutable = "public, max-age=31536000, immutable";

    private static readonly System.Buffers.SearchValues<char> SegmentCharacters = System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-");

    private static readonly FrozenSet<string> StoredExtensions = FileSniffer.Whitelist.Select(t => t.Extension).ToFrozenSet(StringComparer.Ordinal);

    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapMethods(MediaUrls.Prefix + "/{key}/{version}/{name}", [HttpMethods.Get, HttpMethods.Head], ServeAsync)
            .WithName("Media")
            .WithSummary("A media file, or a resized and re-encoded variant of an image.");
        return app;
    }

    private static async Task<IResult> ServeAsync(
        HttpContext context,
        string key,
        string version,
        string name,
        MediaIndex index,
        MediaUrls urls,
        ImageVariants variants,
        IMediaStorage storage,
        Microsoft.Extensions.Options.IOptions<MediaOptions> options,
        ILoggerFactory logging)
    {
        if (!Guid.TryParseExact(key, "N", out var mediaKey) || !int.TryParse(version, NumberStyles.None, CultureInfo.InvariantCulture, out var requestedVersion))
        {
            return Problem(StatusCodes.Status404NotFound, "No such media file.");
        }

        if (index.Get(mediaKey) is not { } item || !IsPlausibleName(name))
        {
            return Problem(StatusCodes.Status404NotFound, "No such media file.");
        }

        var query = context.Request.Query;
        var hasCommand = query.Count > 0;
        ImageCommand command = ImageCommand.None;
        if (hasCommand)
        {
            if (!item.IsImage)
            {
                return Problem(StatusCodes.Status400BadRequest, "Only images can be resized.");
            }

            var (parsed, error) = ImageCommand.Parse(query, options.Value.MaxOutputSide);
            if (parsed is null)
            {
                return Problem(StatusCodes.Status400BadRequest, $"Bad image command: {error}.");
            }

            command = parsed;
            var isPreset = query.ContainsKey("preset");
            var allowed = isPreset ? query.Count == 1 : urls.Verify(mediaKey, requestedVersion, command, query["s"]) && query.Keys.All(k => k is "w" or "h" or "mode" or "fmt" or "q" or "s");
            if (!allowed)
            {
                return Problem(StatusCodes.Status403Forbidden, "This image command is not signed by the site.");
            }
        }

        if (requestedVersion > item.Version)
        {
            // No such version yet: a guess, or a URL from another site's database.
            return Problem(StatusCodes.Status404NotFound, "No such version of this media file.");
        }

        if (requestedVersion < item.Version)
        {
            // An old URL (a page cached before the file was replaced): send it to the current one.
            var current = query.ContainsKey("preset") ? MediaUrls.Preset(item, query["preset"].ToString()) : urls.Image(item, command);
            return Results.Redirect(current, permanent: true);
        }

        if (command.IsNone)
        {
            return Original(item, context.Response, storage, logging);
        }

        if (command.Format == OutputFormat.Auto)
        {
            context.Response.Headers.Vary = "Accept";
        }

        var extension = ImageVariants.OutputExtension(item, command, AcceptsWebp(context.Request));
        ImageVariant? variant;
        try
        {
            variant = await variants.GetAsync(item, command, extension, context.RequestAborted);
        }
        catch (Exception ex) when (ex is SixLabors.ImageSharp.ImageFormatException or SixLabors.ImageSharp.InvalidImageContentException)
        {
            logging.CreateLogger("Spcncl.Media").LogError(ex, "Media {Key} cannot be decoded", item.Key);
            return Problem(StatusCodes.Status404NotFound, "This image file cannot be read.");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The disk or the storage failed (full, read-only, unreachable): worth trying again later, never a 500.
            logging.CreateLogger("Spcncl.Media").LogError(ex, "Media {Key}: the variant {Command} could not be produced (storage or disk error)", item.Key, command.ToQuery());
            context.Response.Headers.RetryAfter = "30";
            return Problem(StatusCodes.Status503ServiceUnavailable, "This image cannot be prepared just now; please try again shortly.");
        }

        if (variant is null)
        {
            logging.CreateLogger("Spcncl.Media").LogError("The file of media {Key} ({Stored}) is missing from storage", item.Key, item.StoredName);
            return Problem(StatusCodes.Status404NotFound, "This file is missing.");
        }

        context.Response.Headers.CacheControl = Immutable;
        return Results.File(variant.Path, variant.ContentType, lastModified: item.UpdatedUtc, entityTag: new EntityTagHeaderValue(variant.ETag), enableRangeProcessing: false);
    }

    /// <summary>
    /// Whether the browser takes WebP: an <c>image/webp</c> entry in Accept with a quality above zero. A wildcard does
    /// not count (browsers that cannot decode WebP send <c>*/*</c> too), and <c>image/webp;q=0</c> means "not WebP".
    /// </summary>
    internal static bool AcceptsWebp(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(a => a.MediaType.Equals("image/webp", StringComparison.OrdinalIgnoreCase) && (a.Quality ?? 1.0) > 0);

    /// <summary>
    /// The last segment as <see cref="MediaUrls.FileSegment"/> writes it: letters, digits and hyphens, then an extension
    /// the site stores (not necessarily the current one: an old URL of a file replaced by another format still redirects).
    /// </summary>
    private static bool IsPlausibleName(string name)
    {
        var dot = name.LastIndexOf('.');
        return dot > 0
            && StoredExtensions.Contains(name[(dot + 1)..])
            && name.AsSpan(0, dot).IndexOfAnyExcept(SegmentCharacters) < 0;
    }

    private static IResult Original(MediaItem item, HttpResponse response, IMediaStorage storage, ILoggerFactory logging)
    {
        if (storage.LocalPath(item.StoredName) is not { } path)
        {
            logging.CreateLogger("Spcncl.Media").LogError("The file of media {Key} ({Stored}) is missing from storage", item.Key, item.StoredName);
            return Problem(StatusCodes.Status404NotFound, "This file is missing.");
        }

        var etag = new EntityTagHeaderValue($"\"{item.Key:N}-{item.Version}\"");
        response.Headers.CacheControl = Immutable;

        // Documents download under their own (possibly Vietnamese) name; images, video and captions show in the page.
        if (item.Kind == MediaKind.Document)
        {
            Attachment.Set(response, item.FileName);
        }

        return Results.File(path, item.ContentType, lastModified: item.UpdatedUtc, entityTag: etag, enableRangeProcessing: true);
    }

    private static IResult Problem(int status, string message) =>
        Results.Text(message, "text/plain; charset=utf-8", statusCode: status);
}
