using Portal.Core.Media;

namespace Portal.Core.Tests.Media;

public sealed class MediaItemTests
{
    private static readonly DateTime Created = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    private static MediaItem Photo() => MediaItem.CreateFile(Guid.NewGuid(), null, "Hội nghị", 0,
        new StoredMediaFile("/media/ab12cd34/hoi-nghi.jpg", MediaFileRules.KindOf("hoi-nghi.jpg")!, 2048, new ImageFacts("image/jpeg", 800, 600)),
        "Toàn cảnh hội nghị", FocalPoint.Centre, "bientap", Created);

    [Fact]
    public void CreateFile_Image_TakesItsTypeSizeAndExtensionFromTheStoredFile()
    {
        var photo = Photo();

        Assert.Equal(MediaTypes.Image, photo.MediaTypeAlias);
        Assert.Equal("image/jpeg", photo.ContentType);
        Assert.Equal("jpg", photo.Extension);
        Assert.Equal((800, 600), (photo.Width, photo.Height));
        Assert.Equal(2048, photo.Bytes);
        Assert.Equal(1, photo.Version);
        Assert.False(photo.IsFolder);
    }

    [Fact]
    public void ReplaceFile_NewFile_KeepsKeyNameAndAltTextAndBumpsTheVersion()
    {
        var photo = Photo();
        var key = photo.Key;

        photo.ReplaceFile(new StoredMediaFile("/media/ab12cd34/hoi-nghi-moi.png", MediaFileRules.KindOf("x.png")!, 4096,
            new ImageFacts("image/png", 1200, 900)), Created.AddHours(1));

        Assert.Equal(key, photo.Key);
        Assert.Equal("Hội nghị", photo.Name);
        Assert.Equal("Toàn cảnh hội nghị", photo.AltText);
        Assert.Equal(("png", "image/png", 4096L, 1200, 900), (photo.Extension, photo.ContentType, photo.Bytes!.Value, photo.Width!.Value, photo.Height!.Value));
        Assert.Equal(2, photo.Version);
        Assert.Equal(Created.AddHours(1), photo.UpdatedAt);
        Assert.Equal(Created, photo.CreatedAt);
    }

    [Fact]
    public void SetDetails_Folder_ChangesOnlyTheName()
    {
        var folder = MediaItem.CreateFolder(Guid.NewGuid(), null, "Ảnh", 0, "bientap", Created);

        folder.SetDetails("Ảnh sự kiện", "không dùng", new FocalPoint(0.1, 0.1), Created.AddMinutes(5));

        Assert.Equal("Ảnh sự kiện", folder.Name);
        Assert.Null(folder.AltText);
        Assert.Equal(FocalPoint.Centre, folder.FocalPoint);
        Assert.Null(folder.Url);
        Assert.Null(folder.Extension);
    }
}
