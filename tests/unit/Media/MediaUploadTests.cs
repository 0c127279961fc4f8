using System.Diagnostics;
using System.Text;
using SixLabors.ImageSharp;
using Spcncl.Media;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.Media;

/// <summary>Uploads are judged by their bytes: what they really are, how big they are, what they would decode to.</summary>
public sealed class MediaUploadTests : IAsyncLifetime
{
    private TestEngine _engine = null!;

    public async Task InitializeAsync() => _engine = await TestEngine.StartAsync();

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private MediaLibrary Library => _engine.Get<MediaLibrary>();

    private Task<MediaAttempt<MediaItem>> UploadAsync(byte[] bytes, string fileName) =>
        Library.UploadAsync(new MediaUpload(new MemoryStream(bytes), fileName) { AltText = new Dictionary<string, string> { ["vi"] = "Ảnh", ["en"] = "Picture" } }, "editor");

    private byte[] Stored(MediaItem item)
    {
        using var stream = _engine.Get<IMediaStorage>().OpenRead(item.StoredName)!;
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task Image_IsStoredReencodedUnderAGeneratedName_WithItsSizeAndAltText()
    {
        var item = ContentValues.Ok(await UploadAsync(TestImages.Jpeg(1200, 800), "../../etc/Ảnh sản phẩm.jpg"));

        Assert.Equal((MediaKind.Image, "image/jpeg", 1200, 800), (item.Kind, item.ContentType, item.Width, item.Height));
        Assert.Equal($"{item.Key:N}-1.jpg", item.StoredName);
        Assert.Equal("Ảnh sản phẩm.jpg", item.FileName);
        Assert.Equal("Picture", item.Alt("en"));
        Assert.Equal((item.StoredName, "Ảnh"), (_engine.Get<MediaIndex>().Get(item.Key)!.StoredName, _engine.Get<MediaIndex>().Get(item.Key)!.Alt("vi")));
    }

    [Fact]
    public async Task Image_LosesItsExifAndGpsData()
    {
        var original = TestImages.Jpeg(800, 600, withGps: true);
        Assert.NotNull(Image.Identify(original)!.Metadata.ExifProfile);

        var item = ContentValues.Ok(await UploadAsync(original, "photo.jpg"));

        var stored = Image.Identify(Stored(item))!;
        Assert.Null(stored.Metadata.ExifProfile);
        Assert.DoesNotContain("SecretCam", Encoding.Latin1.GetString(Stored(item)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Image_WithAZipAppended_IsStoredWithoutIt()
    {
        var polyglot = TestImages.Jpeg(400, 300).Concat(Encoding.ASCII.GetBytes("PK\u0003\u0004payload.jar")).ToArray();

        var item = ContentValues.Ok(await UploadAsync(polyglot, "gifar.jpg"));

        Assert.DoesNotContain("payload.jar", Encoding.Latin1.GetString(Stored(item)), StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[], string, MediaStatus> Refused() => new()
    {
        { "a PDF renamed .jpg", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n"), "invoice.jpg", MediaStatus.Unsupported },
        { "an executable renamed .png", [0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00], "logo.png", MediaStatus.Unsupported },
        { "HTML renamed .png", Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>"), "logo.png", MediaStatus.Unsupported },
        { "an SVG", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>"), "logo.svg", MediaStatus.Unsupported },
        { "an SVG with an XML prolog", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><svg/>"), "logo.png", MediaStatus.Unsupported },
        { "a plain ZIP", ZipWith("readme.txt"), "forms.docx", MediaStatus.Unsupported },
        { "a Word file with macros", ZipWith("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"), "form.docx", MediaStatus.Unsupported },
        { "a PDF that is also a ZIP", Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n").Concat(new byte[] { 0x50, 0x4B, 0x05, 0x06, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 }).ToArray(), "a.pdf", MediaStatus.Invalid },
        { "a PDF with HTML inside", Encoding.ASCII.GetBytes("%PDF-1.4\n<html><script>alert(1)</script>\n%%EOF\n"), "a.pdf", MediaStatus.Invalid },
        { "a truncated PDF", Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n"), "a.pdf", MediaStatus.Invalid },
        { "a damaged JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01], "broken.jpg", MediaStatus.Invalid },
        { "a QuickTime movie", [0, 0, 0, 0x14, 0x66, 0x74, 0x79, 0x70, 0x71, 0x74, 0x20, 0x20, 0, 0, 0, 0], "clip.mp4", MediaStatus.Unsupported },
        { "captions that are not UTF-8", [.. Encoding.ASCII.GetBytes("WEBVTT\n\n00:00.000 --> 00:01.000\n"), 0xC3, 0x28], "captions.vtt", MediaStatus.Invalid },
        { "an empty file", [], "empty.pdf", MediaStatus.Unsupported },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public async Task Upload_RefusedByItsContent(string what, byte[] bytes, string fileName, MediaStatus expected)
    {
        var before = _engine.Get<MediaIndex>().Count;

        var result = await UploadAsync(bytes, fileName);

        Assert.True(result.Status == expected, $"{what}: {result}");
        Assert.False(string.IsNullOrWhiteSpace(result.Message));
        Assert.Equal(before, _engine.Get<MediaIndex>().Count);
    }

    [Fact]
    public async Task DecompressionBomb_IsRefusedFromItsHeader_FastAndWithoutTheMemory()
    {
        var bomb = TestImages.PngBomb(50_000, 50_000);
        Assert.True(bomb.Length < 100);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var watch = Stopwatch.StartNew();

        var result = await UploadAsync(bomb, "small.png");

        Assert.Equal(MediaStatus.Invalid, result.Status);
        Assert.Contains("50000 × 50000", result.Message, StringComparison.Ordinal);
        Assert.True(watch.ElapsedMilliseconds < 1000, $"took {watch.ElapsedMilliseconds} ms");
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - allocated < 20_000_000, "the bomb was decoded");
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_IsTooLarge()
    {
        var limit = _engine.Get<Microsoft.Extensions.Options.IOptions<MediaOptions>>().Value.MaxUploadBytes;

        var result = await Library.UploadAsync(new MediaUpload(new ZeroStream(limit + 1), "huge.mp4"), "editor");

        Assert.Equal(MediaStatus.TooLarge, result.Status);
    }

    [Fact]
    public async Task Documents_VideoAndCaptions_AreKeptAsTheyAre()
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        var vtt = Encoding.UTF8.GetBytes("WEBVTT\n\n00:00.000 --> 00:02.000\nLễ tôn vinh sản phẩm\n");

        var document = ContentValues.Ok(await UploadAsync(pdf, "Phiếu mời 2024.pdf"));
        var captions = ContentValues.Ok(await UploadAsync(vtt, "phu-de.vi.vtt"));

        Assert.Equal((MediaKind.Document, "application/pdf"), (document.Kind, document.ContentType));
        Assert.Equal(pdf, Stored(document));
        Assert.Equal((MediaKind.Captions, "text/vtt"), (captions.Kind, captions.ContentType));
    }

    [Fact]
    public async Task Replace_BumpsTheVersion_AndRemovesTheOldFile()
    {
        var item = ContentValues.Ok(await UploadAsync(TestImages.Jpeg(400, 300), "a.jpg"));

        var replaced = ContentValues.Ok(await Library.ReplaceAsync(item.Key, new MemoryStream(TestImages.Png(300, 300)), "b.png", "editor"));

        Assert.Equal(2, replaced.Version);
        Assert.Equal(("image/png", 300, 300), (replaced.ContentType, replaced.Width, replaced.Height));
        Assert.Null(_engine.Get<IMediaStorage>().OpenRead(item.StoredName));
        Assert.Equal(MediaStatus.Unsupported, (await Library.ReplaceAsync(item.Key, new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n")), "c.pdf", "editor")).Status);
    }

    [Theory]
    [InlineData(1.5, 0.5)]
    [InlineData(0.5, -0.1)]
    [InlineData(double.NaN, 0.5)]
    public async Task Upload_WithAFocalPointOutsideTheImage_IsInvalid(double x, double y)
    {
        var before = _engine.Get<MediaIndex>().Count;

        var result = await Library.UploadAsync(new MediaUpload(new MemoryStream(TestImages.Jpeg(400, 300)), "focal.jpg") { FocalX = x, FocalY = y }, "editor");

        Assert.Equal((MediaStatus.Invalid, MediaErrors.Focal), (result.Status, result.Error!.Code));
        Assert.Equal(before, _engine.Get<MediaIndex>().Count);
    }

    [Fact]
    public async Task Describe_WithAFocalPointThatIsNotANumber_IsInvalid()
    {
        var item = ContentValues.Ok(await UploadAsync(TestImages.Jpeg(400, 300), "a.jpg"));

        var result = await Library.DescribeAsync(item.Key, new MediaDescription(FocalX: double.NaN, FocalY: 0.5), "editor");

        Assert.Equal(MediaStatus.Invalid, result.Status);
    }

    [Fact]
    public async Task UploadsAndVariants_WaitForTheSameProcessingLimit()
    {
        var existing = ContentValues.Ok(await UploadAsync(TestImages.Jpeg(800, 600), "source.jpg"));
        var limit = _engine.Get<ImageProcessingLimit>();
        var slots = new List<IDisposable>();
        for (var i = 0; i < limit.Capacity; i++)
        {
            slots.Add(await limit.EnterAsync());
        }

        var upload = UploadAsync(TestImages.Jpeg(800, 600), "waiting.jpg");
        var variant = _engine.Get<ImageVariants>().GetAsync(existing, new ImageCommand(200, 150), "jpg", CancellationToken.None);
        await Task.Delay(500);
        var (uploadWaited, variantWaited) = (!upload.IsCompleted, !variant.IsCompleted);
        slots.ForEach(s => s.Dispose());

        Assert.True(uploadWaited, "the upload was re-encoded while every processing slot was taken");
        Assert.True(variantWaited, "the variant was made while every processing slot was taken");
        Assert.True((await upload).Succeeded);
        Assert.NotNull(await variant);
        Assert.Equal(0, limit.Active);
        Assert.InRange(limit.Peak, 1, limit.Capacity);
    }

    private static byte[] ZipWith(params string[] entries)
    {
        using var output = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(output, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(entry).Open());
                writer.Write("<x/>");
            }
        }

        return output.ToArray();
    }

    /// <summary>A stream of zeros of a given length, to test limits without allocating them.</summary>
    private sealed class ZeroStream(long length) : Stream
    {
        private long _position;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - _position);
            Array.Clear(buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
