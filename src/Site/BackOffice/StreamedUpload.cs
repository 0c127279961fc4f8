using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Spcncl.Site.BackOffice;

/// <summary>
/// Reads a multipart upload as it arrives, never buffering the form: the request body limit is set for the endpoint
/// (<see cref="BodyLimit"/>, over Kestrel's default), the antiforgery token (a header from script, or the form's first
/// field without it) is checked before any file is read, then each file is handed over as a stream. Whatever is wrong
/// with the request comes back as a <see cref="StreamedUploadStatus"/>, never an exception.
/// </summary>
public sealed class StreamedUpload(IAntiforgery antiforgery, IOptions<AntiforgeryOptions> antiforgeryOptions)
{
    /// <summary>The most files one post may carry (the form without script sends all that were chosen at once).</summary>
    public const int MaxFilesPerRequest = 20;

    private const int MaxFieldBytes = 4096;

    /// <summary>The request body an upload endpoint accepts: <see cref="MaxFilesPerRequest"/> files at the per-file limit, and room for the form around them.</summary>
    public static long BodyLimit(long maxFileBytes) =>
        maxFileBytes > (long.MaxValue / 2 / MaxFilesPerRequest) ? long.MaxValue / 2 : (maxFileBytes * MaxFilesPerRequest) + (1024 * 1024);

    /// <summary>
    /// Reads the files of the request one after the other. <paramref name="onFile"/> gets each file's name and stream
    /// and answers whether to go on (false after a refusal that leaves the rest of the body unread, such as too large).
    /// </summary>
    public async Task<StreamedUploadStatus> ReadAsync(HttpContext http, long maxFileBytes, Func<string, Stream, Task<bool>> onFile)
    {
        var limit = BodyLimit(maxFileBytes);
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = limit;
        }

        if (http.Request.ContentLength > limit)
        {
            return StreamedUploadStatus.TooLarge;
        }

        if (!MediaTypeHeaderValue.TryParse(http.Request.ContentType, out var type)
            || !type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(type.Boundary) is not { Length: > 0 and <= 200 } boundary)
        {
            return StreamedUploadStatus.Malformed;
        }

        var options = antiforgeryOptions.Value;
        var tokenChecked = false;
        if (options.HeaderName is { } header && http.Request.Headers.ContainsKey(header))
        {
            // With the header present the antiforgery service does not touch the body.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return StreamedUploadStatus.Antiforgery;
            }

            tokenChecked = true;
        }

        var files = 0;
        var reader = new MultipartReader(boundary.ToString(), http.Request.Body) { HeadersLengthLimit = 16 * 1024, BodyLengthLimit = maxFileBytes + (256 * 1024) };
        try
        {
            for (var section = await reader.ReadNextSectionAsync(http.RequestAborted); section is not null; section = await reader.ReadNextSectionAsync(http.RequestAborted))
            {
                if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFormDisposition() && !disposition.IsFileDisposition())
                {
                    return StreamedUploadStatus.Malformed;
                }

                if (!disposition.IsFileDisposition())
                {
                    if (!tokenChecked && HeaderUtilities.RemoveQuotes(disposition.Name).Equals(options.FormFieldName, StringComparison.Ordinal))
                    {
                        // Without script the token is the form's first field: checked as if it had come as the header.
                        http.Request.Headers[options.HeaderName ?? "RequestVerificationToken"] = await ReadFieldAsync(section.Body, http.RequestAborted);
                        if (!await antiforgery.IsRequestValidAsync(http))
                        {
                            return StreamedUploadStatus.Antiforgery;
                        }

                        tokenChecked = true;
                    }

                    continue;
                }

                if (!tokenChecked)
                {
                    // A file before any token: nothing of it is read or kept.
                    return StreamedUploadStatus.Antiforgery;
                }

                var fileName = (disposition.FileNameStar.HasValue ? disposition.FileNameStar : HeaderUtilities.RemoveQuotes(disposition.FileName)).ToString();
                if (fileName.Length == 0)
                {
                    // The file input of a form sent with nothing chosen.
                    continue;
                }

                if (++files > MaxFilesPerRequest)
                {
                    return StreamedUploadStatus.TooMany;
                }

                if (!await onFile(fileName, section.Body))
                {
                    break;
                }
            }
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return StreamedUploadStatus.TooLarge;
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or BadHttpRequestException or FieldTooLongException)
        {
            return StreamedUploadStatus.Malformed;
        }

        return !tokenChecked ? StreamedUploadStatus.Antiforgery : files == 0 ? StreamedUploadStatus.NoFile : StreamedUploadStatus.Read;
    }

    private static async Task<string> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        if (read > MaxFieldBytes)
        {
            throw new FieldTooLongException();
        }

        return System.Text.Encoding.UTF8.GetString(buffer, 0, read);
    }

    private sealed class FieldTooLongException() : Exception("A form field of an upload is longer than a token can be.");
}

/// <summary>What became of a streamed upload as a whole (each file's own outcome is the caller's).</summary>
public enum StreamedUploadStatus
{
    /// <summary>Every file was handed over (or the caller stopped).</summary>
    Read,

    /// <summary>Not a multipart form, or one that breaks off or does not parse.</summary>
    Malformed,

    /// <summary>No valid antiforgery token before the first file.</summary>
    Antiforgery,

    /// <summary>The body is larger than the endpoint accepts.</summary>
    TooLarge,

    /// <summary>More than <see cref="StreamedUpload.MaxFilesPerRequest"/> files.</summary>
    TooMany,

    /// <summary>The form carried no file.</summary>
    NoFile,
}

/// <summary>
/// Keeps MVC from reading the form of an action that streams its body (model binding would buffer every file first);
/// route and query values still bind.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StreamedUploadAttribute : Attribute, IResourceFilter
{
    public void OnResourceExecuting(ResourceExecutingContext context)
    {
        context.ValueProviderFactories.RemoveType<FormValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<FormFileValueProviderFactory>();
        context.ValueProviderFactories.RemoveType<JQueryFormValueProviderFactory>();
    }

    public void OnResourceExecuted(ResourceExecutedContext context)
    {
    }
}
