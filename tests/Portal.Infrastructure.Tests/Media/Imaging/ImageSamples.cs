using System.Buffers.Binary;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Gif;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Portal.Infrastructure.Tests.Media.Imaging;

/// <summary>Images drawn for a test: quadrants of known colours, a decompression bomb, a photo that records where it was taken.</summary>
internal static class ImageSamples
{
    public static readonly Rgba32 Red = new(220, 20, 20);
    public static readonly Rgba32 Green = new(20, 200, 20);
    public static readonly Rgba32 Blue = new(20, 20, 220);
    public static readonly Rgba32 Yellow = new(240, 230, 20);

    /// <summary>Four quadrants: red top-left, green top-right, blue bottom-left, yellow bottom-right.</summary>
    public static Image<Rgba32> Quadrants(int width, int height)
    {
        var image = new Image<Rgba32>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var left = x < width / 2;
                var top = y < height / 2;
                image[x, y] = top ? (left ? Red : Green) : (left ? Blue : Yellow);
            }
        }

        return image;
    }

    public static byte[] QuadrantsPng(int width = 400, int height = 300)
    {
        using var image = Quadrants(width, height);
        return Save(image, (i, s) => i.SaveAsPng(s));
    }

    public static byte[] QuadrantsJpeg(int width = 400, int height = 300, Action<Image>? change = null)
    {
        using var image = Quadrants(width, height);
        change?.Invoke(image);
        return Save(image, (i, s) => i.SaveAsJpeg(s));
    }

    /// <summary>A JPEG whose EXIF says it was taken in Kon Tum (14.35° N, 108.0° E), stored sideways with orientation 6.</summary>
    public static byte[] JpegWithLocation(int width = 120, int height = 80) => QuadrantsJpeg(width, height, image =>
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(14, 1), new Rational(21, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(108, 1), new Rational(0, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        exif.SetValue(ExifTag.Make, "Máy ảnh thử");
        image.Metadata.ExifProfile = exif;
    });

    /// <summary>An animated GIF of <paramref name="frames"/> frames.</summary>
    public static byte[] AnimatedGif(int width, int height, int frames)
    {
        using var image = new Image<Rgba32>(width, height, Red);
        for (var i = 1; i < frames; i++)
        {
            using var frame = new Image<Rgba32>(width, height, i % 2 == 0 ? Red : Blue);
            image.Frames.AddFrame(frame.Frames.RootFrame);
        }

        return Save(image, (i, s) => i.Save(s, new GifEncoder()));
    }

    /// <summary>
    /// A decompression bomb: a real 2×2 PNG whose header, CRC and all, claims <paramref name="width"/> × <paramref name="height"/>.
    /// A few dozen bytes that would need 40 GB to decode.
    /// </summary>
    public static byte[] PngBomb(uint width = 100_000, uint height = 100_000)
    {
        using var image = new Image<Rgba32>(2, 2, Red);
        var png = Save(image, (i, s) => i.SaveAsPng(s));

        // Signature (8), IHDR length (4) and type (4), then width and height; the CRC covers type and data (17 bytes).
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    /// <summary>A PNG cut in half: its header is sound, its pixels are not all there.</summary>
    public static byte[] TruncatedPng()
    {
        var png = QuadrantsPng(300, 200);
        return png[..(png.Length / 2)];
    }

    public static Image<Rgba32> Load(byte[] bytes) => Image.Load<Rgba32>(bytes);

    /// <summary>Resampling and lossy encoders move a colour by a few steps; a quadrant's colour is still unmistakable.</summary>
    public static void AssertNear(Rgba32 expected, Rgba32 actual, int tolerance = 24) =>
        Assert.True(Math.Abs(expected.R - actual.R) <= tolerance && Math.Abs(expected.G - actual.G) <= tolerance
            && Math.Abs(expected.B - actual.B) <= tolerance, $"expected about {expected}, got {actual}");

    private static byte[] Save(Image image, Action<Image, Stream> save)
    {
        using var stream = new MemoryStream();
        save(image, stream);
        return stream.ToArray();
    }

    private static uint Crc32(ReadOnlySpan<byte> data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFFu;
    }
}
