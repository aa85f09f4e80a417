using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Portal.Infrastructure.Media.Imaging;

/// <summary>
/// The <c>hmac</c> token of image URLs, as ImageSharp computes Umbraco's: HMAC-SHA256 with
/// <c>Umbraco:CMS:Imaging:HMACSecretKey</c> over the lower-cased path and query (<see cref="ImageCommands.ToQuery"/>,
/// URL-encoded), written as lower-case hex. URLs are signed and checked by this one class, so they cannot drift apart.
/// </summary>
public sealed class ImageUrlSigner
{
    private readonly byte[] key;

    public ImageUrlSigner(ImagingSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        key = settings.SecretKeyBytes();
    }

    /// <summary>Whether a key is set; without one, URLs carry no token and any command is allowed.</summary>
    public bool IsEnabled => key.Length > 0;

    /// <summary>The token for a media path and its commands; null when no key is set.</summary>
    public string? Sign(string path, ImageCommands commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return IsEnabled ? Convert.ToHexStringLower(Compute(path, commands)) : null;
    }

    /// <summary>Whether <paramref name="token"/> is the one for this path and these commands, compared in constant time.</summary>
    public bool IsValid(string path, ImageCommands commands, string? token)
    {
        ArgumentNullException.ThrowIfNull(commands);
        if (!IsEnabled)
        {
            return true;
        }

        if (string.IsNullOrEmpty(token) || token.Length != 2 * HMACSHA256.HashSizeInBytes)
        {
            return false;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(token);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(Compute(path, commands), given);
    }

    private byte[] Compute(string path, ImageCommands commands)
    {
        // ImageSharp signs the relative URL lower-cased, so a token survives a change of host and of letter case.
        var signed = (new PathString(path).ToUriComponent() + QueryString.Create(commands.ToQuery()).ToUriComponent()).ToLowerInvariant();
        return HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(signed));
    }
}
