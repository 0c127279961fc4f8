using System.Buffers.Binary;
using System.IO.Compression;
using Spcncl.Tests.Fixtures;

namespace Spcncl.Tests.E2E;

/// <summary>A PNG drawn in the test (a gradient with a dark disc), with no image library.</summary>
internal static class TestPng
{
    public static byte[] Make(int width, int height)
    {
        using var pixels = new MemoryStream();
        using (var zlib = new ZLibStream(pixels, CompressionLevel.Fastest, leaveOpen: true))
        {
            var row = new byte[1 + (width * 3)];
            for (var y = 0; y < height; y++)
            {
                for (var x = 0; x < width; x++)
                {
                    var inDisc = Math.Pow(x - (width * 0.3), 2) + Math.Pow(y - (height * 0.7), 2) < Math.Pow(height / 8.0, 2);
                    row[1 + (x * 3)] = inDisc ? (byte)40 : (byte)(x * 255 / width);
                    row[2 + (x * 3)] = inDisc ? (byte)30 : (byte)(y * 255 / height);
                    row[3 + (x * 3)] = inDisc ? (byte)30 : (byte)160;
                }

                zlib.Write(row);
            }
        }

        using var png = new MemoryStream();
        png.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        PngChunks.Write(png, "IHDR", header);
        PngChunks.Write(png, "IDAT", pixels.ToArray());
        PngChunks.Write(png, "IEND", []);
        return png.ToArray();
    }
}
