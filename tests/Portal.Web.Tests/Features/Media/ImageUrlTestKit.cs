using System.Buffers.Binary;
using System.Net;
using Portal.Web.Tests.Features.Management;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;

namespace Portal.Web.Tests.Features.Media;

/// <summary>A site for image URL tests: a unit's editors may upload, uploads up to 512 KB, no hmac key.</summary>
public sealed class ImageUrlSiteFixture : IAsyncLifetime
{
    public const long MaxUploadBytes = 512 * 1024;

    public ManagementSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await ManagementSite.StartAsync([MediaSiteFixture.UnitEditors], new Dictionary<string, string?>
    {
        ["Portal:Media:MaxUploadBytes"] = MaxUploadBytes.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

/// <summary>The same, with <c>Umbraco:CMS:Imaging:HMACSecretKey</c> set: every image URL with commands needs its token.</summary>
public sealed class SignedImageSiteFixture : IAsyncLifetime
{
    public static readonly string Key = Convert.ToBase64String(Enumerable.Range(0, 64).Select(i => (byte)(i * 7)).ToArray());

    public ManagementSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await ManagementSite.StartAsync([MediaSiteFixture.UnitEditors], new Dictionary<string, string?>
    {
        ["Umbraco:CMS:Imaging:HMACSecretKey"] = Key,
    });

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

/// <summary>Images drawn for the tests, and what the site has on disk.</summary>
internal static class ImageFiles
{
    public static readonly Rgba32 Red = new(220, 20, 20);
    public static readonly Rgba32 Green = new(20, 200, 20);
    public static readonly Rgba32 Blue = new(20, 20, 220);
    public static readonly Rgba32 Yellow = new(240, 230, 20);

    /// <summary>Red top-left, green top-right, blue bottom-left, yellow bottom-right.</summary>
    public static byte[] Quadrants(int width = 400, int height = 300, Action<Image>? change = null, bool jpeg = false)
    {
        using var image = new Image<Rgba32>(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                image[x, y] = y < height / 2 ? (x < width / 2 ? Red : Green) : (x < width / 2 ? Blue : Yellow);
            }
        }

        change?.Invoke(image);
        using var stream = new MemoryStream();
        if (jpeg)
        {
            image.SaveAsJpeg(stream);
        }
        else
        {
            image.SaveAsPng(stream);
        }

        return stream.ToArray();
    }

    /// <summary>A phone photo: taken at 14.35° N, 108.0° E, stored sideways with orientation 6.</summary>
    public static byte[] JpegWithLocation() => Quadrants(120, 80, jpeg: true, change: image =>
    {
        var exif = new ExifProfile();
        exif.SetValue(ExifTag.GPSLatitudeRef, "N");
        exif.SetValue(ExifTag.GPSLatitude, [new Rational(14, 1), new Rational(21, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.GPSLongitudeRef, "E");
        exif.SetValue(ExifTag.GPSLongitude, [new Rational(108, 1), new Rational(0, 1), new Rational(0, 1)]);
        exif.SetValue(ExifTag.Orientation, (ushort)6);
        image.Metadata.ExifProfile = exif;
    });

    /// <summary>A real 2×2 PNG whose header (CRC and all) claims 100,000 × 100,000 pixels: 40 GB once decoded.</summary>
    public static byte[] PngBomb()
    {
        var png = Quadrants(2, 2);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(16), 100_000);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(20), 100_000);
        var crc = 0xFFFFFFFFu;
        foreach (var b in png.AsSpan(12, 17))
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
            }
        }

        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), crc ^ 0xFFFFFFFFu);
        return png;
    }

    /// <summary>A PNG cut in half: a sound header, pixels missing.</summary>
    public static byte[] TruncatedPng()
    {
        var png = Quadrants(300, 200);
        return png[..(png.Length / 2)];
    }

    public static void AssertNear(Rgba32 expected, Rgba32 actual) =>
        Assert.True(Math.Abs(expected.R - actual.R) <= 24 && Math.Abs(expected.G - actual.G) <= 24 && Math.Abs(expected.B - actual.B) <= 24,
            $"expected about {expected}, got {actual}");

    /// <summary>Every file below the site's media folder (its staging folder included) and its image cache.</summary>
    public static IReadOnlyList<string> FilesUnder(ManagementSite site, string folder)
    {
        var path = Path.Combine(site.DataDirectory, folder);
        return Directory.Exists(path) ? Directory.GetFiles(path, "*", SearchOption.AllDirectories) : [];
    }

    public static async Task<byte[]> GetBytesAsync(HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.True(response.StatusCode == expected, $"GET {url}: {(int)response.StatusCode} {System.Text.Encoding.UTF8.GetString(bytes)}");
        return bytes;
    }
}
