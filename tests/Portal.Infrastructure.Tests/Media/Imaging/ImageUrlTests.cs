using System.Security.Cryptography;
using System.Text;
using Portal.Core.Media;
using Portal.Infrastructure.Media.Imaging;

namespace Portal.Infrastructure.Tests.Media.Imaging;

/// <summary>Image URLs as Umbraco writes them: the order of the commands, and the hmac token over them.</summary>
public sealed class ImageUrlTests
{
    private const string Media = "/media/abcd1234/hoi-nghi.jpg";
    private static readonly string Key = Convert.ToBase64String(Enumerable.Range(1, 64).Select(i => (byte)i).ToArray());

    private static ImageUrlSigner Signer(string? key = null) => new(new ImagingSettings { HMACSecretKey = key ?? string.Empty });

    private static readonly ImageCommands Everything = new()
    {
        CacheBuster = "134000000000000000",
        Quality = 80,
        Format = "webp",
        Height = 200,
        Width = 300,
        Anchor = ImageCropAnchor.TopLeft,
        Mode = ImageCropMode.Crop,
        FocalPoint = new FocalPoint(0.3, 0.2),
        Crop = new CropCoordinates(0.1, 0, 0.1, 0.25),
        Further = [new("bgcolor", "white")],
    };

    [Fact]
    public void For_EveryCommandWithoutKey_WritesUmbracosOrderAndNoToken()
    {
        var url = ImageUrl.For(Media, Everything, Signer());

        Assert.Equal(Media + "?cc=0.1,0,0.1,0.25&rxy=0.3,0.2&rmode=crop&ranchor=topleft&width=300&height=200&format=webp&quality=80"
            + "&bgcolor=white&v=134000000000000000", url);
    }

    [Fact]
    public void For_WithKey_AppendsTheHmacOfTheLowerCasedPathAndQueryLast()
    {
        var commands = new ImageCommands { Width = 300, FocalPoint = new FocalPoint(0.3, 0.2), CacheBuster = "42" };

        var url = ImageUrl.For(Media, commands, Signer(Key));

        var signed = "/media/abcd1234/hoi-nghi.jpg?rxy=0.3,0.2&width=300&v=42";
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(Convert.FromBase64String(Key), Encoding.UTF8.GetBytes(signed)));
        Assert.Equal($"{Media}?rxy=0.3,0.2&width=300&v=42&hmac={expected}", url);
    }

    [Fact]
    public void IsValid_TokenOfTheGenerator_IsAcceptedWhateverTheParameterOrder()
    {
        var signer = Signer(Key);
        var token = signer.Sign(Media, Everything);
        var reordered = ImageCommands.Parse(Reversed(Everything));

        Assert.True(signer.IsValid(Media, reordered, token));
    }

    [Fact]
    public void IsValid_ChangedWidthOrVersionOrMissingToken_IsRefused()
    {
        var signer = Signer(Key);
        var token = signer.Sign(Media, Everything);

        Assert.False(signer.IsValid(Media, Everything with { Width = 5000 }, token));
        Assert.False(signer.IsValid(Media, Everything with { CacheBuster = "1" }, token));
        Assert.False(signer.IsValid("/media/abcd1234/khac.jpg", Everything, token));
        Assert.False(signer.IsValid(Media, Everything, null));
        Assert.False(signer.IsValid(Media, Everything, "not-hex"));
        Assert.False(signer.IsValid(Media, Everything, new string('0', 64)));
    }

    [Fact]
    public void IsValid_NoKey_AcceptsAnything()
    {
        Assert.True(Signer().IsValid(Media, Everything, null));
        Assert.Null(Signer().Sign(Media, Everything));
    }

    [Fact]
    public void Parse_UnparseableValues_AreLeftOutAndTheFirstOfARepeatCounts()
    {
        var commands = ImageCommands.Parse(
        [
            new("Width", "300"), new("width", "600"), new("height", "abc"), new("rmode", "nonsense"), new("rxy", "1.5,0.5"),
            new("quality", "250"), new("format", "tiff"), new("cc", "0,0,0,0"), new("hmac", "ff"), new("utm_source", "zalo"),
        ]);

        Assert.Equal(300, commands.Width);
        Assert.Null(commands.Height);
        Assert.Null(commands.Mode);
        Assert.Null(commands.FocalPoint);
        Assert.Equal(100, commands.Quality);
        Assert.Null(commands.Format);
        Assert.Null(commands.Crop);
        Assert.Equal([new KeyValuePair<string, string>("utm_source", "zalo")], commands.Further);
    }

    [Fact]
    public void HasCommands_OnlyVersionAndFurtherOptions_IsFalse()
    {
        var commands = ImageCommands.Parse([new("v", "1"), new("utm_source", "zalo")]);

        Assert.False(commands.HasCommands);
    }

    [Fact]
    public void Settings_KeyThatIsNotBase64_StopsWithTheKeysName()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Signer("không phải base64!"));

        Assert.Contains("Umbraco:CMS:Imaging:HMACSecretKey", error.Message, StringComparison.Ordinal);
    }

    private static List<KeyValuePair<string, string>> Reversed(ImageCommands commands) =>
        commands.ToQuery().Reverse().Select(p => new KeyValuePair<string, string>(p.Key, p.Value!)).ToList();
}
