using Portal.Core.Media;
using Portal.Infrastructure.Media.Imaging;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Png;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Metadata.Profiles.Exif;
using SixLabors.ImageSharp.PixelFormats;
using static Portal.Infrastructure.Tests.Media.Imaging.ImageSamples;

namespace Portal.Infrastructure.Tests.Media.Imaging;

/// <summary>The commands applied by real ImageSharp to images drawn for each test, judged by size, format and pixel colour.</summary>
public sealed class ImageTransformerTests
{
    private static ImageTransformer Transformer(int maxWidth = 5000, int maxHeight = 5000, long maxPixels = 50_000_000) => new(
        new ImagingSettings { Resize = new ImagingResizeSettings { MaxWidth = maxWidth, MaxHeight = maxHeight } },
        new MediaLibraryOptions { MaxImagePixels = maxPixels }, new ImageDecodeGate(2));

    private static async Task<(ImageTransformOutcome Outcome, byte[] Output)> TransformAsync(byte[] source, string query, ImageTransformer? transformer = null,
        string sourceFormat = "png")
    {
        transformer ??= Transformer();
        var commands = transformer.Limit(ImageCommands.Parse(Query(query)));
        commands = commands with { Format = commands.Format ?? sourceFormat };
        using var output = new MemoryStream();
        var outcome = await transformer.TransformAsync(new MemoryStream(source), commands, output, CancellationToken.None);
        return (outcome, output.ToArray());
    }

    private static IEnumerable<KeyValuePair<string, string>> Query(string query) => query.Split('&', StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('=', 2)).Select(p => new KeyValuePair<string, string>(p[0], Uri.UnescapeDataString(p[1])));

    [Fact]
    public async Task Transform_Width300FormatWebp_Is300WideWebpInProportion()
    {
        var (outcome, output) = await TransformAsync(QuadrantsPng(400, 300), "width=300&format=webp");

        Assert.Equal(ImageTransformOutcome.Done, outcome);
        Assert.Equal(WebpFormat.Instance, Image.DetectFormat(output));
        using var image = Load(output);
        Assert.Equal((300, 225), (image.Width, image.Height));
    }

    [Fact]
    public async Task Transform_NarrowCropWithFocalPointOnTheRight_KeepsTheGreenAndYellowQuadrants()
    {
        // 100×300 of 400×300 is a strip; rxy 0.9 puts it at the right edge, 0.1 at the left.
        var right = await TransformAsync(QuadrantsPng(400, 300), "rxy=0.9%2C0.1&width=100&height=300");
        var left = await TransformAsync(QuadrantsPng(400, 300), "rxy=0.1%2C0.1&width=100&height=300");

        using var image = Load(right.Output);
        Assert.Equal((100, 300), (image.Width, image.Height));
        AssertNear(Green, image[5, 10]);
        AssertNear(Green, image[95, 10]);
        AssertNear(Yellow, image[50, 290]);
        using var other = Load(left.Output);
        AssertNear(Red, other[95, 10]);
        AssertNear(Blue, other[5, 290]);
    }

    [Fact]
    public async Task Transform_SquareCropWithoutFocalPoint_CentresAndKeepsBothSides()
    {
        var (_, output) = await TransformAsync(QuadrantsPng(400, 300), "width=200&height=200");

        using var image = Load(output);
        Assert.Equal((200, 200), (image.Width, image.Height));
        AssertNear(Red, image[10, 10]);
        AssertNear(Green, image[190, 10]);
    }

    [Fact]
    public async Task Transform_AnchorBottomRight_KeepsYellow()
    {
        var (_, output) = await TransformAsync(QuadrantsPng(400, 300), "ranchor=bottomright&width=100&height=300&rmode=crop");

        using var image = Load(output);
        Assert.Equal((100, 300), (image.Width, image.Height));
        AssertNear(Yellow, image[50, 290]);
        AssertNear(Green, image[50, 10]);
    }

    [Fact]
    public async Task Transform_CropCoordinatesOfTheBlueQuadrant_AreBlueOnly()
    {
        // cc is left, top, and the distances from the right and bottom edges.
        var (_, output) = await TransformAsync(QuadrantsPng(400, 300), "cc=0%2C0.5%2C0.5%2C0");

        using var image = Load(output);
        Assert.Equal((200, 150), (image.Width, image.Height));
        AssertNear(Blue, image[0, 0]);
        AssertNear(Blue, image[199, 149]);
    }

    [Fact]
    public async Task Transform_ModeMax_FitsInsideTheBox()
    {
        var (_, output) = await TransformAsync(QuadrantsPng(400, 300), "rmode=max&width=100&height=100");

        using var image = Load(output);
        Assert.Equal((100, 75), (image.Width, image.Height));
    }

    [Fact]
    public async Task Transform_ModePad_FillsTheBoxWithTransparency()
    {
        var (_, output) = await TransformAsync(QuadrantsPng(400, 300), "rmode=pad&width=100&height=100");

        using var image = Load(output);
        Assert.Equal((100, 100), (image.Width, image.Height));
        Assert.Equal(0, image[50, 2].A);
    }

    [Fact]
    public async Task Transform_BothDimensionsAboveTheLimits_DoesNotResize()
    {
        var (_, output) = await TransformAsync(QuadrantsPng(400, 300), "width=900&height=900&format=png", Transformer(maxWidth: 800, maxHeight: 800));

        using var image = Load(output);
        Assert.Equal((400, 300), (image.Width, image.Height));
    }

    [Fact]
    public async Task Transform_WidthWithinLimitOfATallStrip_KeepsTheProportionalHeightWithinItsLimit()
    {
        // 800 wide would make a 10×400 strip 32,000 high: the height limit of 1000 wins, and the width follows it.
        var (_, output) = await TransformAsync(QuadrantsPng(10, 400), "width=800", Transformer(maxWidth: 1000, maxHeight: 1000));

        using var image = Load(output);
        Assert.Equal((25, 1000), (image.Width, image.Height));
    }

    [Fact]
    public async Task Transform_TransparentPngToJpeg_IsWhiteWhereItWasTransparent()
    {
        using var transparent = new Image<Rgba32>(40, 40, new Rgba32(0, 0, 0, 0));
        using var stream = new MemoryStream();
        await transparent.SaveAsPngAsync(stream);

        var (_, output) = await TransformAsync(stream.ToArray(), "format=jpg&quality=90");

        Assert.Equal(JpegFormat.Instance, Image.DetectFormat(output));
        using var image = Load(output);
        Assert.True(image[20, 20].R > 245 && image[20, 20].G > 245 && image[20, 20].B > 245, $"got {image[20, 20]}");
    }

    [Fact]
    public async Task Transform_SidewaysPhoto_IsTurnedUprightAndCarriesNoExif()
    {
        // Stored 120×80 with orientation 6 (turn 90° clockwise): shown, and so resized, as 80×120.
        var (_, output) = await TransformAsync(JpegWithLocation(120, 80), "width=40&format=png", sourceFormat: "jpg");

        using var image = Load(output);
        Assert.Equal((40, 60), (image.Width, image.Height));
        Assert.Null(image.Metadata.ExifProfile?.GetValue(ExifTag.GPSLatitude));
        Assert.Null(image.Metadata.ExifProfile?.GetValue(ExifTag.Orientation));
    }

    [Fact]
    public async Task Transform_DecompressionBomb_IsRefusedWithoutDecoding()
    {
        var (outcome, output) = await TransformAsync(PngBomb(), "width=100");

        Assert.Equal(ImageTransformOutcome.TooManyPixels, outcome);
        Assert.Empty(output);
    }

    [Fact]
    public async Task Transform_AnimationOfManyFrames_CountsEveryFrameAgainstTheLimit()
    {
        // 60×60 is 3,600 pixels, within a 100,000 limit; 40 frames of it are 144,000, which is not.
        var gif = AnimatedGif(60, 60, 40);

        var refused = await TransformAsync(gif, "width=30", Transformer(maxPixels: 100_000), "gif");
        var allowed = await TransformAsync(gif, "width=30", Transformer(maxPixels: 200_000), "gif");

        Assert.Equal(ImageTransformOutcome.TooManyPixels, refused.Outcome);
        Assert.Equal(ImageTransformOutcome.Done, allowed.Outcome);
        using var image = Load(allowed.Output);
        Assert.Equal(40, image.Frames.Count);
    }

    [Fact]
    public async Task Transform_TextOrTruncatedImage_IsNotAnImage()
    {
        var text = await TransformAsync("<script>alert(1)</script>"u8.ToArray(), "width=100");
        var truncated = await TransformAsync(TruncatedPng(), "width=100");

        Assert.Equal(ImageTransformOutcome.NotAnImage, text.Outcome);
        Assert.Equal(ImageTransformOutcome.NotAnImage, truncated.Outcome);
    }

    [Fact]
    public async Task Transform_Quality_MakesASmallerJpeg()
    {
        using var noisy = new Image<Rgba32>(200, 200);
        for (var y = 0; y < 200; y++)
        {
            for (var x = 0; x < 200; x++)
            {
                noisy[x, y] = new Rgba32((byte)(x * 37), (byte)(y * 91), (byte)(x ^ y));
            }
        }

        using var stream = new MemoryStream();
        await noisy.SaveAsPngAsync(stream);

        var low = await TransformAsync(stream.ToArray(), "format=jpg&quality=10");
        var high = await TransformAsync(stream.ToArray(), "format=jpg&quality=95");

        Assert.True(low.Output.Length < high.Output.Length, $"{low.Output.Length} ≥ {high.Output.Length}");
        Assert.Equal(PngFormat.Instance, Image.DetectFormat(stream.ToArray()));
    }
}
