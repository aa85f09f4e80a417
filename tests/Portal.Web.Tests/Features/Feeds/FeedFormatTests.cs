using Portal.Web.Features.Feeds;

namespace Portal.Web.Tests.Features.Feeds;

/// <summary>The formats feed readers and crawlers parse, checked without a host.</summary>
public sealed class FeedFormatTests
{
    [Fact]
    public void Rfc822_UtcInstant_IsWrittenInVietnamTime()
    {
        var publishedUtc = new DateTime(2018, 2, 23, 18, 12, 0, DateTimeKind.Utc);

        Assert.Equal("Sat, 24 Feb 2018 01:12:00 +0700", FeedDates.Rfc822(publishedUtc));
    }

    [Fact]
    public void W3c_UtcInstant_IsWrittenInVietnamTimeWithOffset()
    {
        var publishedUtc = new DateTime(2018, 2, 23, 18, 12, 0, DateTimeKind.Utc);

        Assert.Equal("2018-02-24T01:12:00+07:00", FeedDates.W3c(publishedUtc));
    }

    [Fact]
    public void Split_ExactlyTheProtocolLimit_KeepsOneFile()
    {
        var entries = Pages(SitemapLimits.ProtocolMaximum);

        var files = SitemapLayout.Split(entries, new SitemapLimits().UrlsPerFile);

        Assert.Single(files);
    }

    [Fact]
    public void Split_OnePastTheProtocolLimit_MakesTwoFilesInTreeOrder()
    {
        var entries = Pages(SitemapLimits.ProtocolMaximum + 1);

        var files = SitemapLayout.Split(entries, new SitemapLimits().UrlsPerFile);

        Assert.Equal([50_000, 1], files.Select(f => f.Count));
        Assert.Equal("/trang-50001/", files[1][0].Url);
    }

    [Fact]
    public void Split_NoPages_KeepsOneEmptyFile()
    {
        var files = SitemapLayout.Split([], 10);

        Assert.Empty(Assert.Single(files));
    }

    private static List<SitemapEntry> Pages(int count) =>
        Enumerable.Range(1, count).Select(i => new SitemapEntry($"/trang-{i}/", new DateTime(2018, 2, 23, 0, 0, 0, DateTimeKind.Utc))).ToList();
}
