using Microsoft.Extensions.Logging.Abstractions;
using Portal.Infrastructure.Media;
using Portal.Infrastructure.Media.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using static Portal.Infrastructure.Tests.Media.Imaging.ImageSamples;

namespace Portal.Infrastructure.Tests.Media.Imaging;

/// <summary>What uploads are checked with: the header alone for size and location, then a full decode.</summary>
public sealed class ImageSharpImageInspectorTests
{
    private readonly ImageSharpImageInspector inspector = new(new ImageDecodeGate(1), NullLogger<ImageSharpImageInspector>.Instance);

    [Fact]
    public async Task Identify_DecompressionBomb_ReportsItsClaimedPixelsFromTheHeader()
    {
        var facts = await inspector.IdentifyAsync(new MemoryStream(PngBomb()), CancellationToken.None);

        Assert.NotNull(facts);
        Assert.Equal(10_000_000_000, facts.Pixels);
    }

    [Fact]
    public async Task Identify_AnimatedGif_CountsItsFrames()
    {
        var facts = await inspector.IdentifyAsync(new MemoryStream(AnimatedGif(30, 20, 7)), CancellationToken.None);

        Assert.Equal(7, facts!.Frames);
        Assert.Equal(30 * 20 * 7, facts.Pixels);
    }

    [Fact]
    public async Task Identify_PhotoWithGps_HasLocationAndItsUprightSize()
    {
        var facts = await inspector.IdentifyAsync(new MemoryStream(JpegWithLocation(120, 80)), CancellationToken.None);

        Assert.True(facts!.HasLocation);
        Assert.Equal((80, 120), (facts.Width, facts.Height));
    }

    [Fact]
    public async Task Identify_PhotoWithoutGps_HasNoLocation()
    {
        var facts = await inspector.IdentifyAsync(new MemoryStream(QuadrantsJpeg()), CancellationToken.None);

        Assert.False(facts!.HasLocation);
    }

    [Fact]
    public async Task Decode_WithoutLocation_DropsGpsAndKeepsOrientationAndTheRestOfExif()
    {
        using var cleaned = new MemoryStream();

        var whole = await inspector.DecodeAsync(new MemoryStream(JpegWithLocation(120, 80)), cleaned, CancellationToken.None);

        Assert.True(whole);
        var bytes = cleaned.ToArray();
        Assert.Equal(JpegFormat.Instance, Image.DetectFormat(bytes));
        var info = Image.Identify(bytes);
        var exif = info.Metadata.ExifProfile!;
        Assert.Null(exif.GetValue(ExifTag.GPSLatitude));
        Assert.Null(exif.GetValue(ExifTag.GPSLongitude));
        Assert.Equal((ushort)6, exif.GetValue(ExifTag.Orientation)!.Value);
        Assert.Equal("Máy ảnh thử", exif.GetValue(ExifTag.Make)!.Value);
        Assert.Equal((120, 80), (info.Width, info.Height));
        Assert.False((await inspector.IdentifyAsync(new MemoryStream(bytes), CancellationToken.None))!.HasLocation);
    }

    [Fact]
    public async Task Decode_TruncatedPng_IsNotWhole()
    {
        var header = await inspector.IdentifyAsync(new MemoryStream(TruncatedPng()), CancellationToken.None);
        var whole = await inspector.DecodeAsync(new MemoryStream(TruncatedPng()), null, CancellationToken.None);

        Assert.NotNull(header);
        Assert.False(whole);
    }
}
