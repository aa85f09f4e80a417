using Portal.Core.Access;
using Portal.Core.Media;
using Portal.Data.Tests.TestHost;

namespace Portal.Data.Tests.Media;

/// <summary>
/// The media library's verbs on a real database, with real files on disk and real ImageSharp: what is stored, what is
/// refused, and that a refusal or a failure leaves no file behind.
/// </summary>
public abstract class MediaLibraryTests : DatabaseSuite
{
    private async Task<MediaHost> StartMediaAsync(long? maxUploadBytes = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "portal-media-tests", Guid.NewGuid().ToString("N"));
        var host = await StartAsync(services => MediaHost.Configure(services, folder, maxUploadBytes));
        return MediaHost.Wrap(host, folder);
    }

    private static async Task<MediaOperationResult> UploadAsync(MediaHost media, byte[] content, string fileName, string? altText = "Ảnh minh họa",
        Actor? actor = null, Guid? parentKey = null, FocalPoint? focalPoint = null)
    {
        using var stream = new MemoryStream(content);
        return await media.Library.UploadAsync(new MediaFile(stream, fileName), null, altText, parentKey, focalPoint, actor ?? MediaHost.Editor);
    }

    private static async Task<MediaOperationResult> ReplaceAsync(MediaHost media, Guid key, byte[] content, string fileName, int? expectedVersion = null)
    {
        using var stream = new MemoryStream(content);
        return await media.Library.ReplaceAsync(key, new MediaFile(stream, fileName), MediaHost.Editor, expectedVersion);
    }

    [Fact]
    public async Task Upload_PngWithAltText_StoresTheItemAndTheFileAtItsUrl()
    {
        await using var media = await StartMediaAsync();
        var png = SampleFiles.Png(64, 48);

        var item = await media.UploadAsync(png, "Ảnh Hội nghị.PNG", altText: "  Toàn cảnh hội nghị  ");

        Assert.Equal(MediaTypes.Image, item.MediaTypeAlias);
        Assert.Matches("^/media/[a-z0-9]{8}/anh-hoi-nghi\\.png$", item.Url);
        Assert.Equal("Ảnh Hội nghị.PNG", item.Name);
        Assert.Equal("Toàn cảnh hội nghị", item.AltText);
        Assert.Equal(("image/png", png.Length, 64, 48), (item.ContentType, item.Bytes!.Value, item.Width!.Value, item.Height!.Value));
        Assert.Equal(FocalPoint.Centre, item.FocalPoint);
        Assert.Equal(MediaHost.Editor.Name, item.CreatedBy);
        Assert.Equal(media.Host.Now, item.CreatedAt);
        Assert.Equal(png, await File.ReadAllBytesAsync(media.PathOf(item.Url!)));
        Assert.Equal([Path.Combine(item.Url!.Split('/')[2], "anh-hoi-nghi.png")], media.AllFiles());
    }

    [Fact]
    public async Task Upload_DecomposedVietnameseName_IsStoredAsNfc()
    {
        await using var media = await StartMediaAsync();
        using var stream = new MemoryStream(SampleFiles.Png());

        var result = await media.Library.UploadAsync(new MediaFile(stream, "a.png"), "Ảnh tập huấn".Normalize(System.Text.NormalizationForm.FormD),
            "Lớp tập huấn".Normalize(System.Text.NormalizationForm.FormD), null, new FocalPoint(0.25, 0.75), MediaHost.Editor);

        var item = await media.Items.FindAsync(result.Key!.Value, CancellationToken.None);
        Assert.Equal("Ảnh tập huấn", item!.Name);
        Assert.Equal("Lớp tập huấn", item.AltText);
        Assert.Equal(new FocalPoint(0.25, 0.75), item.FocalPoint);
    }

    [Fact]
    public async Task Upload_JpegTurnedByExif_GivesTheDisplayedSize()
    {
        await using var media = await StartMediaAsync();

        var item = await media.UploadAsync(SampleFiles.Jpeg(80, 40, exifOrientation: 6), "dien-thoai.jpg");

        Assert.Equal((40, 80), (item.Width!.Value, item.Height!.Value));
        Assert.Equal("image/jpeg", item.ContentType);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Upload_ImageWithoutAltText_IsRefusedAndLeavesNothing(string? altText)
    {
        await using var media = await StartMediaAsync();

        var result = await UploadAsync(media, SampleFiles.Png(), "anh.png", altText);

        Assert.Equal(MediaOperationStatus.AltTextRequired, result.Status);
        Assert.Empty(media.AllFiles());
        Assert.Empty(await media.Items.ChildrenAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Upload_TextFileNamedPng_IsRefusedAsContentMismatchAndLeavesNothing()
    {
        await using var media = await StartMediaAsync();

        var result = await UploadAsync(media, SampleFiles.Text(), "anh.png");

        Assert.Equal(MediaOperationStatus.ContentMismatch, result.Status);
        Assert.Empty(media.AllFiles());
    }

    [Fact]
    public async Task Upload_JpegNamedPng_IsRefusedAsContentMismatch()
    {
        await using var media = await StartMediaAsync();

        var result = await UploadAsync(media, SampleFiles.Jpeg(), "anh.png");

        Assert.Equal(MediaOperationStatus.ContentMismatch, result.Status);
    }

    [Fact]
    public async Task Upload_HtmlNamedPdf_IsRefusedAsContentMismatch()
    {
        await using var media = await StartMediaAsync();

        var result = await UploadAsync(media, SampleFiles.Text("<html><script>alert(1)</script></html>"), "quyet-dinh.pdf", altText: null);

        Assert.Equal(MediaOperationStatus.ContentMismatch, result.Status);
        Assert.Empty(media.AllFiles());
    }

    [Theory]
    [InlineData("logo.svg")]
    [InlineData("trang.html")]
    [InlineData("cai-dat.exe")]
    public async Task Upload_ScriptableOrExecutableExtension_IsRefused(string fileName)
    {
        await using var media = await StartMediaAsync();

        var result = await UploadAsync(media, SampleFiles.Text("<svg xmlns=\"http://www.w3.org/2000/svg\"/>"), fileName);

        Assert.Equal(MediaOperationStatus.ExtensionNotAllowed, result.Status);
        Assert.Empty(media.AllFiles());
    }

    [Fact]
    public async Task Upload_PdfWithoutAltText_IsStoredAsAFileWithoutPixelSize()
    {
        await using var media = await StartMediaAsync();
        var pdf = SampleFiles.Pdf();

        var result = await UploadAsync(media, pdf, "Quyết định 457.pdf", altText: null);

        var item = await media.Items.FindAsync(result.Key!.Value, CancellationToken.None);
        Assert.Equal(MediaTypes.File, item!.MediaTypeAlias);
        Assert.Equal(("application/pdf", "pdf", (long)pdf.Length), (item.ContentType, item.Extension, item.Bytes!.Value));
        Assert.Null(item.Width);
        Assert.Null(item.AltText);
        Assert.EndsWith("/quyet-dinh-457.pdf", item.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_LargerThanTheLimit_IsRefusedAsTooLargeAndLeavesNothing()
    {
        await using var media = await StartMediaAsync(maxUploadBytes: 1000);

        var result = await UploadAsync(media, SampleFiles.Png(400, 400, red: 7).Concat(new byte[2000]).ToArray(), "lon.png");

        Assert.Equal(MediaOperationStatus.FileTooLarge, result.Status);
        Assert.Empty(media.AllFiles());
    }

    [Fact]
    public async Task Upload_EmptyFile_IsRefused()
    {
        await using var media = await StartMediaAsync();

        var result = await UploadAsync(media, [], "rong.pdf", altText: null);

        Assert.Equal(MediaOperationStatus.FileEmpty, result.Status);
        Assert.Empty(media.AllFiles());
    }

    [Fact]
    public async Task Upload_ActorWithoutMediaSection_IsForbidden()
    {
        await using var media = await StartMediaAsync();
        var homeAffairs = new UserGroup(Guid.NewGuid(), "homeAffairs", "Sở Nội vụ", [Section.Content, Section.Reports], Permission.Browse, true, []);
        var actor = Actor.User(Guid.NewGuid(), "noivu", [homeAffairs], null);

        var result = await UploadAsync(media, SampleFiles.Png(), "anh.png", actor: actor);

        Assert.Equal(MediaOperationStatus.Forbidden, result.Status);
        Assert.Empty(media.AllFiles());
    }

    [Fact]
    public async Task Upload_IntoAFileOrAMissingFolder_IsRefused()
    {
        await using var media = await StartMediaAsync();
        var file = await media.UploadAsync(SampleFiles.Pdf(), "a.pdf", altText: null);

        var intoFile = await UploadAsync(media, SampleFiles.Png(), "anh.png", parentKey: file.Key);
        var intoNothing = await UploadAsync(media, SampleFiles.Png(), "anh.png", parentKey: Guid.NewGuid());

        Assert.Equal(MediaOperationStatus.ParentNotFolder, intoFile.Status);
        Assert.Equal(MediaOperationStatus.ParentNotFound, intoNothing.Status);
    }

    [Fact]
    public async Task Upload_InvalidFocalPoint_IsRefused()
    {
        await using var media = await StartMediaAsync();

        var result = await UploadAsync(media, SampleFiles.Png(), "anh.png", focalPoint: new FocalPoint(1.5, 0.5));

        Assert.Equal(MediaOperationStatus.InvalidFocalPoint, result.Status);
    }

    [Fact]
    public async Task Replace_SameFileName_KeepsKeyAndUrlAndServesTheNewBytes()
    {
        await using var media = await StartMediaAsync();
        var item = await media.UploadAsync(SampleFiles.Png(64, 48, red: 10), "so-do.png");
        var newer = SampleFiles.Png(120, 90, red: 250);
        media.Host.Clock.Advance(TimeSpan.FromMinutes(5));

        var result = await ReplaceAsync(media, item.Key, newer, "so-do.png");

        Assert.True(result.Succeeded, result.Status.ToString());
        var replaced = await media.Items.FindAsync(item.Key, CancellationToken.None);
        Assert.Equal(item.Url, replaced!.Url);
        Assert.Equal((120, 90, (long)newer.Length), (replaced.Width!.Value, replaced.Height!.Value, replaced.Bytes!.Value));
        Assert.Equal((2, media.Host.Now), (replaced.Version, replaced.UpdatedAt));
        Assert.Equal(item.AltText, replaced.AltText);
        Assert.Equal(newer, await File.ReadAllBytesAsync(media.PathOf(item.Url!)));
        Assert.Single(media.AllFiles());
    }

    [Fact]
    public async Task Replace_OtherFileName_KeepsTheUrlFolderAndDeletesTheOldFile()
    {
        await using var media = await StartMediaAsync();
        var item = await media.UploadAsync(SampleFiles.Png(), "so-do.png");

        var result = await ReplaceAsync(media, item.Key, SampleFiles.Jpeg(), "Sơ đồ mới.jpg");

        Assert.True(result.Succeeded, result.Status.ToString());
        var replaced = await media.Items.FindAsync(item.Key, CancellationToken.None);
        Assert.Equal(MediaFileRules.FolderOf(item.Url), MediaFileRules.FolderOf(replaced!.Url));
        Assert.EndsWith("/so-do-moi.jpg", replaced.Url, StringComparison.Ordinal);
        Assert.Equal("image/jpeg", replaced.ContentType);
        Assert.False(File.Exists(media.PathOf(item.Url!)));
        Assert.True(File.Exists(media.PathOf(replaced.Url!)));
        Assert.Single(media.AllFiles());
    }

    [Fact]
    public async Task Replace_ImageWithADocument_IsRefusedAndTheOldFileStays()
    {
        await using var media = await StartMediaAsync();
        var png = SampleFiles.Png();
        var item = await media.UploadAsync(png, "anh.png");

        var result = await ReplaceAsync(media, item.Key, SampleFiles.Pdf(), "anh.pdf");

        Assert.Equal(MediaOperationStatus.FileKindMismatch, result.Status);
        Assert.Equal(png, await File.ReadAllBytesAsync(media.PathOf(item.Url!)));
    }

    [Fact]
    public async Task Replace_WithContentThatIsNotAnImage_KeepsTheOldFileAndLeavesNothingElse()
    {
        await using var media = await StartMediaAsync();
        var png = SampleFiles.Png();
        var item = await media.UploadAsync(png, "anh.png");

        var result = await ReplaceAsync(media, item.Key, SampleFiles.Text(), "anh.png");

        Assert.Equal(MediaOperationStatus.ContentMismatch, result.Status);
        Assert.Equal(png, await File.ReadAllBytesAsync(media.PathOf(item.Url!)));
        Assert.Single(media.AllFiles());
        Assert.Equal(1, (await media.Items.FindAsync(item.Key, CancellationToken.None))!.Version);
    }

    [Fact]
    public async Task Replace_StaleVersion_IsAConflictAndChangesNothing()
    {
        await using var media = await StartMediaAsync();
        var png = SampleFiles.Png();
        var item = await media.UploadAsync(png, "anh.png");
        Assert.True((await media.Library.SetDetailsAsync(item.Key, "Ảnh đổi tên", "Mô tả", null, MediaHost.Editor)).Succeeded);

        var result = await ReplaceAsync(media, item.Key, SampleFiles.Png(10, 10), "anh.png", expectedVersion: 1);

        Assert.Equal(MediaOperationStatus.Conflict, result.Status);
        Assert.Equal(png, await File.ReadAllBytesAsync(media.PathOf(item.Url!)));
    }

    [Fact]
    public async Task SetDetails_ImageWithBlankAltText_IsRefused()
    {
        await using var media = await StartMediaAsync();
        var item = await media.UploadAsync(SampleFiles.Png(), "anh.png");

        var result = await media.Library.SetDetailsAsync(item.Key, "Ảnh", " ", null, MediaHost.Editor);

        Assert.Equal(MediaOperationStatus.AltTextRequired, result.Status);
    }

    [Fact]
    public async Task SetDetails_NameAltTextAndFocalPoint_AreStoredAndTheVersionBumps()
    {
        await using var media = await StartMediaAsync();
        var item = await media.UploadAsync(SampleFiles.Png(), "anh.png");

        var result = await media.Library.SetDetailsAsync(item.Key, " Lễ ra mắt ", "Lãnh đạo tỉnh cắt băng", new FocalPoint(0.3, 0.6),
            MediaHost.Editor, expectedVersion: 1);

        Assert.True(result.Succeeded, result.Status.ToString());
        var changed = await media.Items.FindAsync(item.Key, CancellationToken.None);
        Assert.Equal(("Lễ ra mắt", "Lãnh đạo tỉnh cắt băng", new FocalPoint(0.3, 0.6), 2),
            (changed!.Name, changed.AltText, changed.FocalPoint, changed.Version));
        Assert.Equal(item.Url, changed.Url);
    }

    [Fact]
    public async Task SetDetails_StaleVersion_IsAConflict()
    {
        await using var media = await StartMediaAsync();
        var item = await media.UploadAsync(SampleFiles.Png(), "anh.png");
        Assert.True((await media.Library.SetDetailsAsync(item.Key, "Một", "Mô tả", null, MediaHost.Editor)).Succeeded);

        var result = await media.Library.SetDetailsAsync(item.Key, "Hai", "Mô tả", null, MediaHost.Editor, expectedVersion: 1);

        Assert.Equal(MediaOperationStatus.Conflict, result.Status);
        Assert.Equal("Một", (await media.Items.FindAsync(item.Key, CancellationToken.None))!.Name);
    }

    [Fact]
    public async Task Delete_File_RemovesTheItemAndItsFile()
    {
        await using var media = await StartMediaAsync();
        var item = await media.UploadAsync(SampleFiles.Pdf(), "a.pdf", altText: null);

        var result = await media.Library.DeleteAsync(item.Key, MediaHost.Editor);

        Assert.True(result.Succeeded);
        Assert.Null(await media.Items.FindAsync(item.Key, CancellationToken.None));
        Assert.Empty(media.AllFiles());
        Assert.DoesNotContain(Directory.EnumerateDirectories(media.MediaFolder), d => !d.EndsWith(".staging", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Delete_FolderWithSomethingInIt_IsRefusedUntilItIsEmpty()
    {
        await using var media = await StartMediaAsync();
        var folder = await media.FolderAsync("Ảnh sự kiện");
        var photo = await media.UploadAsync(SampleFiles.Png(), "anh.png", parentKey: folder.Key);

        var refused = await media.Library.DeleteAsync(folder.Key, MediaHost.Editor);
        Assert.True((await media.Library.DeleteAsync(photo.Key, MediaHost.Editor)).Succeeded);
        var deleted = await media.Library.DeleteAsync(folder.Key, MediaHost.Editor);

        Assert.Equal(MediaOperationStatus.FolderNotEmpty, refused.Status);
        Assert.True(deleted.Succeeded);
    }

    [Fact]
    public async Task CreateFolder_BlankName_IsRefused()
    {
        await using var media = await StartMediaAsync();

        var result = await media.Library.CreateFolderAsync("  ", null, MediaHost.Editor);

        Assert.Equal(MediaOperationStatus.NameRequired, result.Status);
    }
}

public sealed class MediaLibraryTestsOnSqlite : MediaLibraryTests
{
    private protected override PortalTestDatabase CreateDatabase() => new SqliteTestDatabase();
}

public sealed class MediaLibraryTestsOnPostgreSql : MediaLibraryTests
{
    private protected override PortalTestDatabase CreateDatabase() => new PostgreSqlTestDatabase();
}
