using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using Spcncl.Media;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.Integration;

/// <summary>
/// /media over HTTP: resizing and cropping around the focal point, format negotiation, caching (disk, ETag, 304,
/// single flight), signatures, downloads, replaced files, and hostile paths.
/// </summary>
public sealed class MediaEndpointTests(SqliteSiteFactory site) : IClassFixture<SqliteSiteFactory>
{
    private MediaLibrary Library => site.Services.GetRequiredService<MediaLibrary>();

    private MediaUrls Urls => site.Services.GetRequiredService<MediaUrls>();

    private ImageVariants Variants => site.Services.GetRequiredService<ImageVariants>();

    private async Task<MediaItem> UploadAsync(byte[] bytes, string fileName, double? focalX = null, double? focalY = null) =>
        ContentValues.Ok(await Library.UploadAsync(new MediaUpload(new MemoryStream(bytes), fileName) { FocalX = focalX, FocalY = focalY }, "editor"));

    private async Task<(HttpResponseMessage Response, Image<Rgba32>? Image)> GetImageAsync(string url, string accept = "image/avif,image/webp,*/*")
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd(accept);
        var response = await site.Browser().SendAsync(request);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        return (response, response.IsSuccessStatusCode ? Image.Load<Rgba32>(bytes) : null);
    }

    [Theory]
    [InlineData(800, 600, FitMode.Crop, 800, 600)]
    [InlineData(400, null, FitMode.Max, 400, 300)]
    [InlineData(300, 300, FitMode.Max, 300, 225)]
    [InlineData(300, 300, FitMode.Pad, 300, 300)]
    [InlineData(300, 300, FitMode.Crop, 300, 300)]
    [InlineData(3000, 2000, FitMode.Crop, 1600, 1067)]
    public async Task Resize_GivesTheDimensionsAsked_NeverEnlarging(int width, int? height, FitMode mode, int expectedWidth, int expectedHeight)
    {
        var item = await UploadAsync(TestImages.Jpeg(1600, 1200), "photo.jpg");

        var (response, image) = await GetImageAsync(Urls.Image(item, new ImageCommand(width, height, mode, OutputFormat.Jpeg)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((expectedWidth, expectedHeight), (image!.Width, image.Height));
    }

    [Fact]
    public async Task Crop_KeepsTheFocalPointInFrame()
    {
        var bytes = TestImages.Jpeg(1600, 900, markX: 0.88, markY: 0.5);
        var centred = await UploadAsync(bytes, "centred.jpg");
        var focused = await UploadAsync(bytes, "focused.jpg", focalX: 0.88, focalY: 0.5);
        var square = new ImageCommand(400, 400, FitMode.Crop, OutputFormat.Png);

        var (_, plain) = await GetImageAsync(Urls.Image(centred, square));
        var (_, kept) = await GetImageAsync(Urls.Image(focused, square));

        Assert.Null(TestImages.FindMark(plain!));
        var mark = TestImages.FindMark(kept!);
        Assert.NotNull(mark);
        Assert.InRange(mark!.Value.Y, 0.4, 0.6);
    }

    [Fact]
    public async Task AutoFormat_IsWebpWhenTheBrowserAcceptsIt_AndVariesOnAccept()
    {
        var item = await UploadAsync(TestImages.Jpeg(800, 600), "auto.jpg");
        var url = Urls.Image(item, new ImageCommand(400, null, FitMode.Max, OutputFormat.Auto));

        var (webp, _) = await GetImageAsync(url, "image/webp,*/*");
        var (jpeg, _) = await GetImageAsync(url, "image/jpeg,*/*");

        Assert.Equal("image/webp", webp.Content.Headers.ContentType!.MediaType);
        Assert.Equal("image/jpeg", jpeg.Content.Headers.ContentType!.MediaType);
        Assert.Contains("Accept", webp.Headers.Vary);
        Assert.NotEqual(webp.Headers.ETag, jpeg.Headers.ETag);
        Assert.Equal("public, max-age=31536000, immutable", webp.Headers.CacheControl!.ToString());
    }

    [Fact]
    public async Task SecondRequest_IsServedFromTheCache_AndRevalidationGets304()
    {
        var item = await UploadAsync(TestImages.Jpeg(1200, 900), "cached.jpg");
        var url = Urls.Image(item, new ImageCommand(640, 480, FitMode.Crop, OutputFormat.Webp));
        var (first, _) = await GetImageAsync(url);
        var processed = Variants.ProcessedCount;

        var (second, _) = await GetImageAsync(url);
        using var revalidate = new HttpRequestMessage(HttpMethod.Get, url);
        revalidate.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        var notModified = await site.Browser().SendAsync(revalidate);

        Assert.Equal(processed, Variants.ProcessedCount);
        Assert.Equal(first.Headers.ETag, second.Headers.ETag);
        Assert.True(first.Headers.ETag!.IsWeak is false);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
    }

    [Fact]
    public async Task TwentyConcurrentRequestsForANewVariant_AreProcessedOnce()
    {
        var item = await UploadAsync(TestImages.Jpeg(2400, 1800), "busy.jpg");
        var url = Urls.Image(item, new ImageCommand(960, 720, FitMode.Crop, OutputFormat.Webp));
        var before = Variants.ProcessedCount;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => site.Browser().GetAsync(url)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Equal(before + 1, Variants.ProcessedCount);
        Assert.Single(responses.Select(r => r.Headers.ETag!.Tag).Distinct());
    }

    [Fact]
    public async Task Commands_MustBeSignedOrANamedPreset()
    {
        var item = await UploadAsync(TestImages.Jpeg(800, 600), "signed.jpg");
        var signed = Urls.Image(item, new ImageCommand(400, 300));
        var tampered = signed.Replace("w=400", "w=3000", StringComparison.Ordinal);
        var unsigned = signed[..signed.IndexOf("&s=", StringComparison.Ordinal)];
        var forged = signed[..(signed.Length - 4)] + "AAAA";

        Assert.Equal(HttpStatusCode.OK, (await site.Browser().GetAsync(signed)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.Browser().GetAsync(tampered)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.Browser().GetAsync(unsigned)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.Browser().GetAsync(forged)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await site.Browser().GetAsync(MediaUrls.Preset(item, "thumb"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await site.Browser().GetAsync(MediaUrls.Preset(item, "thumb") + "&w=2000")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await site.Browser().GetAsync(MediaUrls.Original(item) + "?w=20000&s=x")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await site.Browser().GetAsync(MediaUrls.Original(item) + "?preset=huge")).StatusCode);
    }

    [Fact]
    public async Task Documents_DownloadUnderTheirVietnameseName_WithRanges()
    {
        var pdf = System.Text.Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        var item = await UploadAsync(pdf, "Phiếu mời tham gia 2024.pdf");

        var response = await site.Browser().GetAsync(MediaUrls.Original(item));
        using var range = new HttpRequestMessage(HttpMethod.Get, MediaUrls.Original(item));
        range.Headers.Range = new RangeHeaderValue(0, 7);
        var partial = await site.Browser().SendAsync(range);

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Phiếu mời tham gia 2024.pdf", response.Content.Headers.ContentDisposition.FileNameStar);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.PartialContent, partial.StatusCode);
        Assert.Equal("%PDF-1.4", await partial.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReplacedFile_OldUrlsAnswer301ToTheNewVersion()
    {
        var item = await UploadAsync(TestImages.Jpeg(800, 600), "old.jpg");
        var oldUrl = Urls.Image(item, new ImageCommand(400, 300));

        var replaced = ContentValues.Ok(await Library.ReplaceAsync(item.Key, new MemoryStream(TestImages.Jpeg(800, 600, markX: 0.2)), "new.jpg", "editor"));
        var response = await site.Browser().GetAsync(oldUrl);

        Assert.Equal(HttpStatusCode.MovedPermanently, response.StatusCode);
        Assert.Equal(Urls.Image(replaced, new ImageCommand(400, 300)), response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task ResponsiveImage_OffersOnlyWidthsTheSourceHas_AndEachVariantIsTheWidthItClaims()
    {
        var item = ContentValues.Ok(await Library.UploadAsync(
            new MediaUpload(new MemoryStream(TestImages.Jpeg(1000, 800)), "card.jpg") { AltText = new Dictionary<string, string> { ["vi"] = "Đèn LED", ["en"] = "LED lamp" } },
            "editor"));
        var helper = new Spcncl.Site.TagHelpers.MediaImageTagHelper(site.Services.GetRequiredService<Spcncl.Site.TagHelpers.ResponsiveImages>())
        {
            Item = item,
            Culture = "en",
            Aspect = "4/3",
            Sizes = "(min-width: 60rem) 25vw, 100vw",
        };
        var output = new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperOutput("media-image", [], (_, _) => Task.FromResult<Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContent>(new Microsoft.AspNetCore.Razor.TagHelpers.DefaultTagHelperContent()));

        helper.Process(new Microsoft.AspNetCore.Razor.TagHelpers.TagHelperContext([], new Dictionary<object, object>(), "id"), output);

        Assert.Equal("img", output.TagName);
        Assert.Equal("LED lamp", output.Attributes["alt"].Value);
        Assert.Equal("lazy", output.Attributes["loading"].Value);
        Assert.Equal(("960", "720"), (output.Attributes["width"].Value.ToString(), output.Attributes["height"].Value.ToString()));
        var candidates = output.Attributes["srcset"].Value.ToString()!.Split(", ").Select(c => c.Split(' ')).ToList();
        Assert.Equal(["320w", "480w", "640w", "800w", "960w"], candidates.Select(c => c[1]));
        foreach (var candidate in candidates)
        {
            var (response, image) = await GetImageAsync(candidate[0]);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(int.Parse(candidate[1].TrimEnd('w'), System.Globalization.CultureInfo.InvariantCulture), image!.Width);
            Assert.Equal(image.Width * 3 / 4, image.Height);
        }
    }

    [Fact]
    public async Task ALargePhoto_IsResizedFromAWorkingCopy_WithTheSizesAndFocalPointTheOriginalWouldGive()
    {
        var item = await UploadAsync(TestImages.Jpeg(3200, 1800, markX: 0.88, markY: 0.5), "large.jpg", focalX: 0.88, focalY: 0.5);
        var cache = Path.Combine(site.Services.GetRequiredService<Spcncl.Hosting.SitePaths>().Data, "cache", "media", item.StoredName[..2]);
        var working = Path.Combine(cache, Path.GetFileNameWithoutExtension(item.StoredName) + "-work.jpg");
        Assert.True(File.Exists(working), "the upload kept no working copy");
        var kept = Image.Identify(working);
        Assert.Equal((1600, 900), (kept.Width, kept.Height));

        var (_, square) = await GetImageAsync(Urls.Image(item, new ImageCommand(400, 400, FitMode.Crop, OutputFormat.Png)));
        var (_, widest) = await GetImageAsync(Urls.Image(item, new ImageCommand(1600, null, FitMode.Max, OutputFormat.Jpeg)));
        var (_, larger) = await GetImageAsync(Urls.Image(item, new ImageCommand(2400, 1200, FitMode.Crop, OutputFormat.Jpeg)));
        File.Delete(working);
        var (_, again) = await GetImageAsync(Urls.Image(item, new ImageCommand(800, 450, FitMode.Crop, OutputFormat.Jpeg)));

        Assert.Equal((400, 400), (square!.Width, square.Height));
        Assert.InRange(TestImages.FindMark(square)!.Value.Y, 0.4, 0.6);
        Assert.Equal((1600, 900), (widest!.Width, widest.Height));
        Assert.Equal((2400, 1200), (larger!.Width, larger.Height));
        Assert.Equal((800, 450), (again!.Width, again.Height));
        Assert.True(File.Exists(working), "the first variant without a working copy did not make one");
    }

    [Fact]
    public async Task MissingFile_Answers404_AndIsNotCachedForAYear()
    {
        var item = await UploadAsync(TestImages.Jpeg(400, 300), "gone.jpg");
        await site.Services.GetRequiredService<IMediaStorage>().DeleteAsync(item.StoredName, CancellationToken.None);

        var original = await site.Browser().GetAsync(MediaUrls.Original(item));
        var (variant, _) = await GetImageAsync(Urls.Image(item, new ImageCommand(200, 150)));

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (original.StatusCode, variant.StatusCode));
        Assert.DoesNotContain("immutable", original.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.DoesNotContain("immutable", variant.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task AVersionAboveTheCurrentOne_Is404_NotARedirect()
    {
        var item = await UploadAsync(TestImages.Jpeg(400, 300), "future.jpg");
        var future = MediaUrls.Original(item).Replace($"/{item.Version}/", $"/{item.Version + 1}/", StringComparison.Ordinal);

        var response = await site.Browser().GetAsync(future);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("image/webp;q=0, */*", "image/jpeg")]
    [InlineData("image/webp; q=0.0, image/*;q=0.8", "image/jpeg")]
    [InlineData("image/jpeg, */*;q=0.5", "image/jpeg")]
    [InlineData("image/avif, image/webp;q=0.8, */*;q=0.5", "image/webp")]
    [InlineData("IMAGE/WEBP", "image/webp")]
    public async Task AutoFormat_FollowsTheQualitiesOfAccept(string accept, string expected)
    {
        var item = await UploadAsync(TestImages.Jpeg(600, 400), "negotiated.jpg");

        var (response, _) = await GetImageAsync(Urls.Image(item, new ImageCommand(300, null, FitMode.Max, OutputFormat.Auto)), accept);

        Assert.Equal(expected, response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task ADiskErrorWhileMakingAVariant_Answers503WithALogLine_NeverAnUnhandledError()
    {
        var item = await UploadAsync(TestImages.Jpeg(800, 600), "disk.jpg");
        var cache = Path.Combine(site.Services.GetRequiredService<Spcncl.Hosting.SitePaths>().Data, "cache", "media");
        var aside = cache + ".aside";
        if (Directory.Exists(cache))
        {
            Directory.Move(cache, aside);
        }

        // A file where the cache folder should be: creating the variant's folder fails as on a broken disk.
        await File.WriteAllTextAsync(cache, "not a folder");
        HttpResponseMessage response;
        try
        {
            (response, _) = await GetImageAsync(Urls.Image(item, new ImageCommand(333, 222, FitMode.Crop, OutputFormat.Jpeg)));
        }
        finally
        {
            File.Delete(cache);
            if (Directory.Exists(aside))
            {
                Directory.Move(aside, cache);
            }
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.NotNull(response.Headers.RetryAfter);
        Assert.DoesNotContain("immutable", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        Assert.Contains(site.Logs.Entries, e => e.Level == Microsoft.Extensions.Logging.LogLevel.Error && e.Message.Contains(item.Key.ToString(), StringComparison.Ordinal) && e.Exception is IOException);
        var (retried, _) = await GetImageAsync(Urls.Image(item, new ImageCommand(333, 222, FitMode.Crop, OutputFormat.Jpeg)));
        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
    }

    public static TheoryData<string> HostileNames() =>
    [
        "..\\..\\appsettings.json",
        "..%5c..%5cappsettings.json",
        "%2e%2e%2f%2e%2e%2fappsettings.json",
        "%252e%252e%252fappsettings.json",
        "..%2F..%2Fappsettings.json",
        "x.jpg%00.json",
        "x.JPG",
        "x.jpg.exe",
        "x.json",
    ];

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task AValidKeyAndVersionWithAHostileName_Is404(string name)
    {
        var item = await UploadAsync(TestImages.Jpeg(200, 150), "named.jpg");
        var prefix = $"{MediaUrls.Prefix}/{item.Key:N}/{item.Version}/";

        // Straight to the server, past HttpClient's own clean-up of paths (which would turn \ into / and fold dot segments).
        var hostile = await site.Server.SendAsync(c => { c.Request.Method = HttpMethods.Get; c.Request.Path = new PathString(prefix + name); });
        var valid = await site.Server.SendAsync(c => { c.Request.Method = HttpMethods.Get; c.Request.Path = new PathString(MediaUrls.Original(item)); });

        Assert.Equal(StatusCodes.Status404NotFound, hostile.Response.StatusCode);
        Assert.Equal(StatusCodes.Status200OK, valid.Response.StatusCode);
    }

    public static TheoryData<string> HostilePaths() =>
    [
        "/media/..%2F..%2F..%2Fetc%2Fpasswd/1/x.jpg",
        "/media/%2e%2e/%2e%2e/etc/passwd",
        "/media/..%252F..%252Fetc%252Fpasswd/1/x.jpg",
        "/media/..\\..\\App_Data\\spcncl.db/1/x",
        "/media/00000000000000000000000000000000/1/x.jpg",
        "/media/not-a-key/1/x.jpg",
        "/media/0123456789abcdef0123456789abcdef/-1/x.jpg",
        "/media/0123456789abcdef0123456789abcdef/99999999999999999999/x.jpg",
        "/media/App_Data/1/spcncl.db",
    ];

    [Theory]
    [MemberData(nameof(HostilePaths))]
    public async Task HostilePaths_Get400Or404(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(path, UriKind.Relative));
        var response = await site.Browser().SendAsync(request);

        Assert.True(response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.BadRequest, $"{path} answered {(int)response.StatusCode}");
    }
}
