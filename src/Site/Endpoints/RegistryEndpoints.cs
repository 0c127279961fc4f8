using System.Globalization;
using QRCoder;
using Spcncl.Published;
using Spcncl.Registry;
using Spcncl.Site.Rendering;
using Spcncl.Site.Routing;

namespace Spcncl.Site.Endpoints;

/// <summary>
/// The registry for machines and paper: open data (<c>/opendata/awards.json</c>, <c>.csv</c>, optional <c>?year=</c>),
/// QR codes to print on certificates, and the short link they encode (<c>/c/{number}</c>), which opens the verification
/// page in the visitor's language. Certificate numbers may hold slashes, as Vietnamese numbers do (<c>123/GCN-SCT</c>):
/// they stay slashes in these paths (<c>/c/123/GCN-SCT</c>), and an escaped slash (<c>%2F</c>) is read as one too.
/// </summary>
public static class RegistryEndpoints
{
    public static IEndpointRouteBuilder MapRegistryEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/opendata/awards.json", (HttpContext context, OpenData data, SiteUrls urls, string? year) =>
            Year(year, out var y)
                ? Results.Text(OpenData.ToJson(data.Awards(y, path => urls.Absolute(context.Request, path))), "application/json; charset=utf-8")
                : BadYear())
            .WithName("OpenDataJson").WithSummary("Every award (or one year's) as a JSON array.");

        app.MapGet("/opendata/awards.csv", (HttpContext context, OpenData data, SiteUrls urls, string? year) =>
            Year(year, out var y)
                ? Results.File(OpenData.ToCsv(data.Awards(y, path => urls.Absolute(context.Request, path))), "text/csv; charset=utf-8", y is null ? "spcncl-awards.csv" : $"spcncl-awards-{y}.csv")
                : BadYear())
            .WithName("OpenDataCsv").WithSummary("Every award (or one year's) as CSV, UTF-8 with a byte-order mark for Excel.");

        app.MapGet("/qr/certificate/{**file}", (HttpContext context, string file, AwardRegistry registry, SiteUrls urls) =>
        {
            if (!file.EndsWith(".svg", StringComparison.Ordinal) || registry.Current.ByCertificate(FromPath(file[..^".svg".Length])) is not { } award)
            {
                return Results.Text("No such certificate.", "text/plain; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
            }

            using var generator = new QRCodeGenerator();
            using var code = generator.CreateQrCode(urls.Absolute(context.Request, ShortLink(award.CertificateNumber)), QRCodeGenerator.ECCLevel.M);
            var svg = new SvgQRCode(code).GetGraphic(8, "#000000", "#ffffff", drawQuietZones: true);
            context.Response.Headers.CacheControl = "public, max-age=86400";
            return Results.Text(svg, "image/svg+xml; charset=utf-8");
        }).WithName("CertificateQr").WithSummary("A QR code to print on a certificate: it opens the certificate's verification.");

        app.MapGet("/c/{**path}", (HttpContext context, string path, PublishedSnapshotService snapshots, SiteRequestCultureProvider cultures) =>
        {
            var number = FromPath(path);
            var culture = cultures.Preferred(context.Request).Code;
            var snapshot = snapshots.Current;
            var page = snapshot.OfType("certificateVerification").Select(d => snapshot.In(d, culture)?.Url).FirstOrDefault(u => u is not null);
            return page is null
                ? Results.NotFound()
                : Results.Redirect($"{page}?certificate={Uri.EscapeDataString(number.Length > CertificateVerifier.MaxInputLength ? number[..CertificateVerifier.MaxInputLength] : number)}");
        }).WithName("CertificateShortLink").WithSummary("The link in a certificate's QR code: the verification page in the visitor's language.");
        return app;
    }

    public static string ShortLink(string certificateNumber) => $"/c/{PathOf(certificateNumber)}";

    /// <summary>A certificate number as path segments: each part escaped, the slashes between them kept.</summary>
    public static string PathOf(string certificateNumber) => string.Join('/', certificateNumber.Split('/').Select(Uri.EscapeDataString));

    /// <summary>The certificate number in a path: the server leaves an escaped slash escaped, so it is turned back here.</summary>
    private static string FromPath(string path) => path.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase);

    private static bool Year(string? text, out int? year)
    {
        year = null;
        if (string.IsNullOrEmpty(text))
        {
            return true;
        }

        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value is >= RegistryOptions.FirstYear and <= 2100)
        {
            year = value;
            return true;
        }

        return false;
    }

    private static IResult BadYear() =>
        Results.Text($"year must be a year from {RegistryOptions.FirstYear}, e.g. ?year=2023", "text/plain; charset=utf-8", statusCode: StatusCodes.Status400BadRequest);
}
