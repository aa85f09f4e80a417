using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Media;
using Portal.Web.Tests.Features.Delivery;
using static Portal.Web.Tests.Features.Media.MediaHttp;

namespace Portal.Web.Tests.Features.Media;

public sealed class ScratchTests(MediaSiteFixture fixture) : IClassFixture<MediaSiteFixture>
{
    [Fact]
    public async Task Scratch()
    {
        var site = fixture.Site;
        var editors = await site.ClientForAsync(MediaSiteFixture.UnitEditors);
        var a = await UploadedAsync(editors, SampleFiles.Png(), "a.png");
        var b = await UploadedAsync(editors, SampleFiles.Png(), "b.png");
        var store = site.Services.GetRequiredService<MediaItemStore>();
        var direct = await store.FindManyAsync([b, Guid.NewGuid(), a], CancellationToken.None);
        var response = await DeliveryHttp.GetAsync(site.Anonymous, $"media/items?id={b}&id={Guid.NewGuid()}&id={a}");
        Assert.Fail($"a={a} b={b} direct={string.Join(",", direct.Select(d => d.Key))} body={response.Body}");
    }
}
