using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Spcncl.Tests.Fixtures;

/// <summary>Images made in the test, with properties a test can check afterwards.</summary>
public static class TestImages
{
    /// <summary>A grey picture with one red disc centred at (<paramref name="markX"/>, <paramref name="markY"/>), 0–1 from the top left.</summary>
    public static byte[] Jpeg(int width, int height, double markX = 0.5, double markY = 0.5, bool withGps = false)
    {
        using var image = Marked(width, height, markX, markY);
        if (withGps)
        {
            image.Metadata.ExifProfile = new ExifProfile();
            image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitudeRef, "N");
            image.Metadata.ExifProfile.SetValue(ExifTag.GPSLatitude, [new Rational(21, 1), new Rational(1, 1), new Rational(42, 1)]);
            image.Metadata.ExifProfile.SetValue(ExifTag.Make, "SecretCam");
        }

        using var output = new MemoryStream();
        image.Save(output, new JpegEncoder { Quality = 90 });
        return output.ToArray();
    }

    public static byte[] Png(int width, int height)
    {
        using var image = Marked(width, height, 0.5, 0.5);
        using var output = new MemoryStream();
        image.Save(output, new PngEncoder());
        return output.ToArray();
    }

    /// <summary>Where the red disc is in an image, 0–1 from the top left, or null when it is not in the picture.</summary>
    public static (double X, double Y)? FindMark(Image<Rgba32> image)
    {
        long sx = 0, sy = 0, n = 0;
        for (var y = 0; y < image.Height; y++)
        {
            for (var x = 0; x < image.Width; x++)
            {
                var p = image[x, y];
                if (p.R > 180 && p.G < 90 && p.B < 90)
                {
                    sx += x;
                    sy += y;
                    n++;
                }
            }
        }

        return n < 4 ? null : ((double)sx / n / image.Width, (double)sy / n / image.Height);
    }

    /// <summary>
    /// A valid PNG header that claims a huge canvas, followed by almost nothing: a decompression bomb as an upload
    /// would carry it (a few dozen bytes that would decode to gigabytes).
    /// </summary>
    public static byte[] PngBomb(int width, int height)
    {
        using var output = new MemoryStream();
        output.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header, width);
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        PngChunks.Write(output, "IHDR", header);
        PngChunks.Write(output, "IDAT", [0x78, 0x9C, 0x63, 0x00, 0x00, 0x00, 0x01, 0x00, 0x01]);
        PngChunks.Write(output, "IEND", []);
        return output.ToArray();
    }

    private static Image<Rgba32> Marked(int width, int height, double markX, double markY)
    {
        var image = new Image<Rgba32>(width, height, new Rgba32(128, 128, 128));
        var radius = Math.Max(4, Math.Min(width, height) / 30);
        var cx = (int)(markX * width);
        var cy = (int)(markY * height);
        for (var y = Math.Max(0, cy - radius); y < Math.Min(height, cy + radius); y++)
        {
            for (var x = Math.Max(0, cx - radius); x < Math.Min(width, cx + radius); x++)
            {
                if ((x - cx) * (x - cx) + (y - cy) * (y - cy) <= radius * radius)
                {
                    image[x, y] = new Rgba32(230, 20, 20);
                }
            }
        }

        return image;
    }
}
