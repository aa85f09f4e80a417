using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Content;
using Portal.Core.Media;
using Portal.Data.Media;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Media;

/// <summary>Which documents use a media item, on both providers: the one LIKE over pending and live editions.</summary>
public abstract class MediaUsageQueriesTests : DatabaseSuite
{
    private async Task<MediaHost> StartMediaAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-media-tests", Guid.NewGuid().ToString("N"));
        var host = await StartAsync(services => MediaHost.Configure(services, folder, null));
        return MediaHost.Wrap(host, folder);
    }

    private static MediaUsageQueries Usages(MediaHost media) =>
        new(media.Host.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>());

    [Fact]
    public async Task DocumentsUsing_KeyInEitherFormOrUrl_FindsEachDocumentOnce()
    {
        await using var media = await StartMediaAsync();
        var item = await media.UploadAsync(SampleFiles.Png(), "hoi-nghi.png");
        var other = await media.UploadAsync(SampleFiles.Png(), "khac.png");
        var (_, column) = await media.Host.CreatePublishedSiteAsync();

        // An import may have written the key in upper case; the picked value is a MediaPicker3 array.
        var picked = await media.Host.CreateAsync("article", column, "Bài chọn ảnh", Values("Bài chọn ảnh",
            image: $$"""[{"key":"{{Guid.NewGuid()}}","mediaKey":"{{item.Key.ToString().ToUpperInvariant()}}"}]"""));
        var tagged = await media.Host.CreateAsync("article", column, "Bài gắn mã", Values("Bài gắn mã",
            body: $"<p><img src=\"/cu.png\" alt=\"Hội nghị\" data-udi=\"umb://media/{item.Key:N}\"></p>"));
        var linked = await media.Host.CreateAsync("article", column, "Bài dán địa chỉ", Values("Bài dán địa chỉ",
            body: $"<p><a href=\"{item.Url}\">Ảnh hội nghị</a> và <img src=\"{item.Url}?width=300\" alt=\"Hội nghị\"></p>"));
        await media.Host.CreateAsync("article", column, "Bài dùng ảnh khác", Values("Bài dùng ảnh khác",
            image: $$"""[{"key":"{{Guid.NewGuid()}}","mediaKey":"{{other.Key}}"}]"""));

        var found = await Usages(media).DocumentsUsingAsync(item, CancellationToken.None);

        Assert.Equal(new[] { picked, tagged, linked }.Order(), found.Select(u => u.DocumentKey).Order());
        Assert.All(found, u => Assert.Equal(EditionStatus.Draft, u.Status));
        Assert.Equal("article", found[0].ContentTypeAlias);
    }

    [Fact]
    public async Task DocumentsUsing_ReferenceOnlyInASupersededEdition_NotListedButALiveOneIs()
    {
        await using var media = await StartMediaAsync();
        var item = await media.UploadAsync(SampleFiles.Png(), "anh.png");
        var (_, column) = await media.Host.CreatePublishedSiteAsync();
        var picks = $$"""[{"key":"{{Guid.NewGuid()}}","mediaKey":"{{item.Key}}"}]""";
        var dropped = await media.Host.CreatePublishedAsync("article", column, "Bài đã bỏ ảnh", Values("Bài đã bỏ ảnh", image: picks));
        await media.Host.SaveDraftAsync(dropped, "Bài đã bỏ ảnh", Values("Bài đã bỏ ảnh"));
        await media.Host.PublishAsync(dropped);
        var live = await media.Host.CreatePublishedAsync("article", column, "Bài đang dùng ảnh", Values("Bài đang dùng ảnh", image: picks));
        await media.Host.SaveDraftAsync(live, "Bài đang dùng ảnh (sửa)", Values("Bài đang dùng ảnh (sửa)"));

        var found = await Usages(media).DocumentsUsingAsync(item, CancellationToken.None);

        var usage = Assert.Single(found);
        Assert.Equal(live, usage.DocumentKey);
        Assert.Equal(EditionStatus.Published, usage.Status);
    }

    private static Dictionary<string, string> Values(string title, string? image = null, string? body = null)
    {
        var values = body is null ? SampleContent.Article(title) : SampleContent.Article(title, body);
        if (image is not null)
        {
            values["image"] = image;
        }

        return values;
    }
}

public sealed class MediaUsageQueriesTestsOnSqlite : MediaUsageQueriesTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class MediaUsageQueriesTestsOnPostgreSql : MediaUsageQueriesTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
