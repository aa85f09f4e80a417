using System.Security.Cryptography;
using System.Text;
using Microsoft.Net.Http.Headers;

namespace Portal.Web.Features.Feeds;

/// <summary>
/// What a conditional GET compares for a feed or sitemap: the newest publish time it lists (Last-Modified) and a tag
/// of exactly what it lists (ETag). The tag matters because unpublishing a page changes the document without making
/// anything in it newer, so the date alone would keep answering 304 with the removed page still listed.
/// </summary>
internal sealed class Freshness
{
    public const string CacheControl = "public, max-age=300";

    private Freshness(DateTimeOffset? lastModified, EntityTagHeaderValue entityTag)
    {
        LastModified = lastModified;
        EntityTag = entityTag;
    }

    /// <summary>Whole seconds in UTC: HTTP dates carry no fractions, so a finer value would never equal what the client sends back.</summary>
    public DateTimeOffset? LastModified { get; }

    public EntityTagHeaderValue EntityTag { get; }

    /// <param name="newestUtc">The newest publish time in the document, or null when it lists nothing.</param>
    /// <param name="parts">Everything that decides the document's bytes (URLs, editions, dates), in document order.</param>
    public static Freshness Of(DateTime? newestUtc, IEnumerable<string> parts)
    {
        // SHA-256 rather than string.GetHashCode: the tag must be the same on every node behind the load balancer and after a restart.
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in parts)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(part));
            hash.AppendData("\n"u8);
        }

        var tag = new EntityTagHeaderValue("\"" + Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16)) + "\"", isWeak: true);
        DateTimeOffset? lastModified = newestUtc is { } utc
            ? new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero)
            : null;
        return new Freshness(lastModified, tag);
    }

    /// <summary>
    /// RFC 9110 §13.2.2: If-None-Match decides when present and If-Modified-Since is then ignored; otherwise the document is
    /// unchanged when nothing in it is newer than the date the client already holds.
    /// </summary>
    public bool IsNotModified(HttpRequest request)
    {
        var headers = request.GetTypedHeaders();
        if (headers.IfNoneMatch is { Count: > 0 } tags)
        {
            return tags.Any(t => t.Tag == EntityTagHeaderValue.Any.Tag || t.Compare(EntityTag, useStrongComparison: false));
        }

        return headers.IfModifiedSince is { } since && LastModified is { } modified && modified <= since;
    }

    /// <summary>Sent on 200 and 304 alike, so a cache that revalidates keeps the same validators and lifetime.</summary>
    public void WriteTo(HttpResponse response)
    {
        response.Headers.CacheControl = CacheControl;
        var headers = response.GetTypedHeaders();
        headers.ETag = EntityTag;
        if (LastModified is { } modified)
        {
            headers.LastModified = modified;
        }
    }
}
