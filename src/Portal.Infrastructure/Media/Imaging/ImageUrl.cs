using Microsoft.AspNetCore.WebUtilities;

namespace Portal.Infrastructure.Media.Imaging;

/// <summary>
/// Writes image URLs as Umbraco's <c>ImageSharpImageUrlGenerator</c> does: the media URL, the commands in Umbraco's order
/// (<see cref="ImageCommands.ToQuery"/>), and <c>hmac</c> last when a key is set. Every image URL Portal emits comes from
/// here; the middleware checks tokens with the same <see cref="ImageUrlSigner"/>.
/// </summary>
public static class ImageUrl
{
    public static string For(string mediaUrl, ImageCommands commands, ImageUrlSigner signer)
    {
        ArgumentException.ThrowIfNullOrEmpty(mediaUrl);
        ArgumentNullException.ThrowIfNull(commands);
        ArgumentNullException.ThrowIfNull(signer);
        var query = commands.ToQuery().ToList();
        if (query.Count == 0)
        {
            return mediaUrl;
        }

        if (commands.HasCommands && signer.Sign(mediaUrl, commands) is { } token)
        {
            query.Add(new KeyValuePair<string, string?>(ImageCommands.TokenKey, token));
        }

        return QueryHelpers.AddQueryString(mediaUrl, query);
    }
}
