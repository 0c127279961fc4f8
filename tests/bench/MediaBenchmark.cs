using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.PixelFormats;
using Spcncl.Bench.Harness;
using Spcncl.Hosting;
using Spcncl.Media;

namespace Spcncl.Bench;

/// <summary>
/// The media pipeline's budgets (issue 7), printed as a Markdown table:
/// <list type="bullet">
/// <item>a cached variant against the same bytes as a static file, on the same server in the same run (≥ 80 %);</item>
/// <item>the first resize of a 4000 × 3000 JPEG to an 800 px wide WebP, through the site's own <see cref="ImageVariants"/> (≤ 150 ms);</item>
/// <item>peak memory while 20 such images are processed at once, in a process of its own per concurrency limit.</item>
/// </list>
/// <c>dotnet run -c Release --project tests/bench -- media</c> (after a Release build of the site).
/// </summary>
public static partial class MediaBenchmark
{
    private const int LargeWidth = 4000;
    private const int LargeHeight = 3000;
    private const int ConcurrentImages = 20;

    /// <summary>The child process of the memory measure: <c>media peak LIMIT FOLDER</c>.</summary>
    public static Task<int> PeakChildAsync(string[] args) => PeakChildAsync(int.Parse(args[2], CultureInfo.InvariantCulture), args[3]);

    public static async Task RunAsync(Report report)
    {
        var work = BenchFolders.NewTemp("media");
        try
        {
            await ThroughputAsync(BenchFolders.Root, BenchFolders.BuildOutputDll, work, report);
            await FirstResizeAsync(work, report);
            await PeakMemoryAsync(work, report);
        }
        finally
        {
            BenchFolders.TryDelete(work);
        }
    }

    /// <summary>
    /// The site (build output, Production) on a copy of its root whose wwwroot also holds the bytes of one cached variant
    /// as a static file; both URLs are then asked for in alternating rounds by the same client, on the same connections.
    /// </summary>
    private static async Task ThroughputAsync(string root, string siteDll, string work, Report report)
    {
        var siteRoot = Path.Combine(work, "root");
        Directory.CreateDirectory(siteRoot);
        Directory.CreateSymbolicLink(Path.Combine(siteRoot, "uSync"), Path.Combine(root, "uSync"));
        BenchFolders.Copy(Path.Combine(root, "wwwroot"), Path.Combine(siteRoot, "wwwroot"));
        foreach (var settings in Directory.EnumerateFiles(root, "appsettings*.json"))
        {
            File.Copy(settings, Path.Combine(siteRoot, Path.GetFileName(settings)));
        }

        Console.WriteLine("Starting the site for the throughput measure …");
        await using var site = await SiteProcess.StartAsync(siteDll, siteRoot, Path.Combine(work, "data"), serverTiming: false);
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 8, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(site.BaseUrl) };
        http.DefaultRequestHeaders.Accept.ParseAdd("image/avif,image/webp,*/*");

        var catalogue = await http.GetStringAsync("/vi/san-pham");
        var candidates = VariantUrl().Matches(catalogue).Select(m => WebUtility.HtmlDecode(m.Value)).ToList();
        var variant = candidates.FirstOrDefault(u => u.Contains("w=640", StringComparison.Ordinal)) ?? candidates.FirstOrDefault()
            ?? throw new InvalidOperationException("The catalogue shows no image variant.");
        var bytes = await http.GetByteArrayAsync(variant);
        Directory.CreateDirectory(Path.Combine(siteRoot, "wwwroot", "bench"));
        await File.WriteAllBytesAsync(Path.Combine(siteRoot, "wwwroot", "bench", "variant.webp"), bytes);
        const string staticUrl = "/bench/variant.webp";
        if (!(await http.GetByteArrayAsync(staticUrl)).AsSpan().SequenceEqual(bytes))
        {
            throw new InvalidOperationException("The static copy does not serve the same bytes.");
        }

        var (variantRate, staticRate) = (new List<double>(), new List<double>());
        await RateAsync(http, variant, TimeSpan.FromSeconds(2));
        await RateAsync(http, staticUrl, TimeSpan.FromSeconds(2));
        for (var round = 0; round < 5; round++)
        {
            variantRate.Add(await RateAsync(http, variant, TimeSpan.FromSeconds(3)));
            staticRate.Add(await RateAsync(http, staticUrl, TimeSpan.FromSeconds(3)));
        }

        var (v, s) = (Median(variantRate), Median(staticRate));
        report.Add($"Cached variant ({bytes.Length / 1024.0:0.0} KB WebP, signed URL, 8 connections): requests/s, median of 5 rounds of 3 s", v.ToString("#,##0", CultureInfo.InvariantCulture), "–");
        report.Add("The same bytes as a static file from wwwroot, same server, rounds alternated", s.ToString("#,##0", CultureInfo.InvariantCulture), "–");
        report.Add("Cached variant ÷ static file", $"{v / s:0%}", "≥ 80 %");
    }

    /// <summary>Requests per second for <paramref name="duration"/>, eight requests in flight.</summary>
    private static async Task<double> RateAsync(HttpClient http, string url, TimeSpan duration)
    {
        var watch = Stopwatch.StartNew();
        var count = 0L;
        var workers = Enumerable.Range(0, 8).Select(async _ =>
        {
            var buffer = new byte[64 * 1024];
            while (watch.Elapsed < duration)
            {
                using var response = await http.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
                response.EnsureSuccessStatusCode();
                await using var body = await response.Content.ReadAsStreamAsync();
                while (await body.ReadAsync(buffer) > 0)
                {
                }

                Interlocked.Increment(ref count);
            }
        });
        await Task.WhenAll(workers);
        return count / watch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The first resize of a source (nothing cached for its 800 px WebP): storage read, decode, resize, WebP encode, cache
    /// write. After an upload, which keeps a working copy while it re-encodes the picture (the same calls as the media
    /// library's, timed apart); and for a source that has none (seed media, files from before working copies). Each on
    /// eight fresh sources: the first in this process (JIT included), then the median of the other seven.
    /// </summary>
    private static async Task FirstResizeAsync(string work, Report report)
    {
        Console.WriteLine("Drawing the 4000 × 3000 sources …");
        var sources = LargeJpegs(8);
        var pipeline = Pipeline(Path.Combine(work, "resize"), Environment.ProcessorCount);
        var command = new ImageCommand(800, null, FitMode.Max, OutputFormat.Webp);
        var label = $"{LargeWidth} × {LargeHeight} JPEG ({sources[0].Length / 1024} KB) to an 800 px wide WebP";
        var (uploads, afterUpload, withoutCopy) = (new List<double>(), new List<double>(), new List<double>());
        for (var i = 0; i < sources.Count; i++)
        {
            var uploaded = await StoreAsync(pipeline.Storage, sources[i], i);
            var watch = Stopwatch.StartNew();
            await UploadAsync(pipeline, uploaded.StoredName, sources[i]);
            uploads.Add(watch.Elapsed.TotalMilliseconds);
            watch.Restart();
            _ = await pipeline.Variants.GetAsync(uploaded, command, "webp", CancellationToken.None) ?? throw new InvalidOperationException("No variant.");
            afterUpload.Add(watch.Elapsed.TotalMilliseconds);

            var bare = await StoreAsync(pipeline.Storage, sources[i], i + 100);
            watch.Restart();
            _ = await pipeline.Variants.GetAsync(bare, command, "webp", CancellationToken.None) ?? throw new InvalidOperationException("No variant.");
            withoutCopy.Add(watch.Elapsed.TotalMilliseconds);
        }

        report.Add($"Upload of a {LargeWidth} × {LargeHeight} JPEG: decode, orient, re-encode, keep the 1600 px working copy", Times(uploads), "–");
        report.Add($"First resize of a {label}, after its upload", Times(afterUpload), "≤ 150 ms");
        report.Add($"First resize of a {label}, for a source with no working copy yet (makes it)", Times(withoutCopy), "–");
    }

    /// <summary>"median of the warm runs (min–max); first run in the process".</summary>
    private static string Times(List<double> times)
    {
        var warm = times.Skip(1).Order().ToList();
        return $"{warm[warm.Count / 2]:0} ms ({warm[0]:0}–{warm[^1]:0}); first in process {times[0]:0} ms";
    }

    /// <summary>What the media library does to an uploaded photo, in the same slot: decode, orient, re-encode, keep the working copy.</summary>
    private static async Task UploadAsync(BenchPipeline pipeline, string storedName, byte[] jpeg)
    {
        using var slot = await pipeline.Limit.EnterAsync();
        using var image = pipeline.Codec.Load(new MemoryStream(jpeg));
        ImageCodec.Normalise(image);
        pipeline.Codec.Save(image, new MemoryStream(), "jpg");
        await pipeline.Variants.KeepWorkingCopyAsync(storedName, image, CancellationToken.None);
    }

    /// <summary>Runs the 20-image measure in a child process per limit, so each peak is its own (VmHWM only grows).</summary>
    private static async Task PeakMemoryAsync(string work, Report report)
    {
        var folder = Path.Combine(work, "peak-sources");
        Directory.CreateDirectory(folder);
        var sources = LargeJpegs(ConcurrentImages);
        for (var i = 0; i < sources.Count; i++)
        {
            await File.WriteAllBytesAsync(Path.Combine(folder, $"{i:00}.jpg"), sources[i]);
        }

        var self = typeof(MediaBenchmark).Assembly.Location;
        foreach (var limit in new[] { Environment.ProcessorCount, ConcurrentImages })
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
            foreach (var argument in new[] { self, "media", "peak", limit.ToString(CultureInfo.InvariantCulture), folder })
            {
                start.ArgumentList.Add(argument);
            }

            using var child = Process.Start(start)!;
            var output = await child.StandardOutput.ReadToEndAsync();
            await child.WaitForExitAsync();
            var line = output.Split('\n').LastOrDefault(l => l.StartsWith("peak ", StringComparison.Ordinal)) ?? throw new InvalidOperationException($"The peak measure failed:\n{output}");
            var f = line.Split(' ');
            var label = limit == Environment.ProcessorCount ? $"MaxConcurrentProcessing = {limit} (the default: one per core)" : $"MaxConcurrentProcessing = {limit} (no effective limit), for comparison";
            report.Add(
                $"{ConcurrentImages} images of {LargeWidth} × {LargeHeight} resized to 800 px WebP at once, {label}: peak resident memory (before → peak), most processed at once, total time",
                $"{f[1]} → {f[2]} MB, {f[3]} at once, {f[4]} ms",
                limit == Environment.ProcessorCount ? "reported; bounded by the limit" : "–");
        }
    }

    private static async Task<int> PeakChildAsync(int limit, string folder)
    {
        var pipeline = Pipeline(Path.Combine(folder, $"data-{limit}"), limit);
        var items = new List<MediaItem>();
        foreach (var (file, i) in Directory.EnumerateFiles(folder, "*.jpg").Order(StringComparer.Ordinal).Select((f, i) => (f, i)))
        {
            items.Add(await StoreAsync(pipeline.Storage, await File.ReadAllBytesAsync(file), i));
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var before = Status("VmRSS");
        var watch = Stopwatch.StartNew();
        var command = new ImageCommand(800, null, FitMode.Max, OutputFormat.Webp);
        await Task.WhenAll(items.Select(item => Task.Run(() => pipeline.Variants.GetAsync(item, command, "webp", CancellationToken.None))));
        var peak = Status("VmHWM");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"peak {before / 1024.0:0} {peak / 1024.0:0} {pipeline.Limit.Peak} {watch.ElapsedMilliseconds}"));
        return 0;
    }

    /// <summary>The site's own media classes over a data folder of their own, with <paramref name="limit"/> images at once.</summary>
    private static BenchPipeline Pipeline(string data, int limit)
    {
        Directory.CreateDirectory(data);
        var media = Options.Create(new MediaOptions { MaxConcurrentProcessing = limit, Widths = [.. MediaOptions.DefaultWidths] });
        var paths = new SitePaths(Options.Create(new SitePathOptions { DataPath = data }), data);
        var storage = new FileSystemMediaStorage(paths);
        var processing = new ImageProcessingLimit(media);
        var codec = new ImageCodec(media);
        return new BenchPipeline(new ImageVariants(storage, codec, paths, processing, media), storage, codec, processing);
    }

    private static async Task<MediaItem> StoreAsync(IMediaStorage storage, byte[] jpeg, int seed)
    {
        var key = Guid.NewGuid();
        var stored = $"{key:N}-1.jpg";
        await storage.SaveAsync(stored, new MemoryStream(jpeg), CancellationToken.None);
        return new MediaItem(seed, key, null, $"source {seed}", "source.jpg", stored, MediaKind.Image, "image/jpeg", jpeg.Length, LargeWidth, LargeHeight, null, null,
            System.Collections.Frozen.FrozenDictionary<string, string>.Empty, System.Collections.Frozen.FrozenDictionary<string, string>.Empty, 1, DateTime.UtcNow);
    }

    /// <summary>Photograph-like sources: a demo product shot drawn at full size, with sensor-like noise so the JPEG is as heavy as a camera's.</summary>
    private static List<byte[]> LargeJpegs(int count)
    {
        using var image = DemoImages.Render(new DemoImageRecipe("product", 2027, null, LargeWidth, LargeHeight));
        var random = new Random(7);
        image.ProcessPixelRows(rows =>
        {
            for (var y = 0; y < rows.Height; y++)
            {
                foreach (ref var pixel in rows.GetRowSpan(y))
                {
                    var n = random.Next(-12, 13);
                    pixel = new Rgb24((byte)Math.Clamp(pixel.R + n, 0, 255), (byte)Math.Clamp(pixel.G + n, 0, 255), (byte)Math.Clamp(pixel.B + n, 0, 255));
                }
            }
        });

        var result = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            // Each source differs a little (a moved band), so none is a copy of another.
            using var copy = image.Clone();
            var band = new Rgb24((byte)(i * 12), 90, 140);
            copy.ProcessPixelRows(rows =>
            {
                for (var y = 100; y < 2900; y++)
                {
                    rows.GetRowSpan(y).Slice(i * 150, 120).Fill(band);
                }
            });
            using var output = new MemoryStream();
            copy.Save(output, new JpegEncoder { Quality = 90 });
            result.Add(output.ToArray());
        }

        return result;
    }

    private static long Status(string field)
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith(field + ":", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    [GeneratedRegex("/media/[0-9a-f]{32}/[0-9]+/[a-z0-9-]+\\.(?:jpg|png|webp)\\?[^\" ,]+")]
    private static partial Regex VariantUrl();

    /// <summary>The site's image classes as the media library and the /media endpoint use them, with the limit they share.</summary>
    private sealed record BenchPipeline(ImageVariants Variants, IMediaStorage Storage, ImageCodec Codec, ImageProcessingLimit Limit);
}
