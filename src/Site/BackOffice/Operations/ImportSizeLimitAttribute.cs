using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ViewFeatures;
using Microsoft.Extensions.Options;
using Spcncl.Registry;

namespace Spcncl.Site.BackOffice.Operations;

/// <summary>
/// Holds decision-list uploads to <see cref="RegistryOptions.MaxImportBytes"/> before anything reads the body (the
/// antiforgery check reads the form, so this runs first): a declared size over the limit, or a body that grows past
/// it, answers 413 with the upload form and a message rather than a bare error.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ImportSizeLimitAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the multipart framing and the form's other fields.</summary>
    public const long Overhead = 64 * 1024;

    /// <summary>After sign-in is checked, before the antiforgery token (order 1000) is read from the form.</summary>
    public int Order => 500;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var http = context.HttpContext;
        if (context.Result is not null || !HttpMethods.IsPost(http.Request.Method))
        {
            return;
        }

        var limit = http.RequestServices.GetRequiredService<IOptions<RegistryOptions>>().Value.MaxImportBytes;
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = limit + Overhead;
        }

        var tooLarge = http.Request.ContentLength > limit + Overhead;
        if (!tooLarge && http.Request.HasFormContentType)
        {
            try
            {
                await http.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = limit + Overhead }, http.RequestAborted);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                tooLarge = true;
            }
            catch (InvalidDataException)
            {
                // The multipart reader's own limit (a body without a declared length).
                tooLarge = true;
            }
        }

        if (tooLarge)
        {
            context.Result = await TooLargeAsync(context, limit);
        }
    }

    private static async Task<IActionResult> TooLargeAsync(AuthorizationFilterContext context, long limit)
    {
        var http = context.HttpContext;
        var me = await http.RequestServices.GetRequiredService<BackOfficeContext>().LoadAsync(http.User);
        BackOfficeScreen.Prepare(http, me);
        var metadata = http.RequestServices.GetRequiredService<IModelMetadataProvider>();
        var form = new ImportFormView(limit);
        return new ViewResult
        {
            ViewName = "~/Views/BackOffice/Registry/Import.cshtml",
            StatusCode = StatusCodes.Status413PayloadTooLarge,
            ViewData = new ViewDataDictionary<ImportFormView>(metadata, new ModelStateDictionary()) { Model = form with { Error = "BackOffice.Import.TooLarge", ErrorArgument = form.MaxMegabytes } },
        };
    }
}
