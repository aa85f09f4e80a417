using System.Text.RegularExpressions;
using Portal.Core.Forum;

namespace Portal.Infrastructure.Tests.Forum;

/// <summary>What a citizen without an account can do, and what a stranger with part of the secret cannot.</summary>
public sealed partial class ForumAskingTests
{
    [Fact]
    public async Task ConfirmAsync_LinkFromTheMail_ConfirmsTheQuestion()
    {
        await using var site = await ForumSite.StartAsync();
        var question = await site.AskAsync("Thủ tục cấp phiếu lý lịch tư pháp số 2");

        var (status, _) = await site.Asking.ConfirmAsync(TokenFromMail(site), "203.0.113.9", CancellationToken.None);

        Assert.Equal(ForumOperationStatus.Success, status);
        Assert.True((await site.FindAsync(question.Key))!.IsConfirmed);
        Assert.Single(await site.Queries.AwaitingModerationAsync(CancellationToken.None));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task ConfirmAsync_TamperedOrMalformedToken_NotFoundAndStillUnconfirmed(bool tamper)
    {
        await using var site = await ForumSite.StartAsync();
        var question = await site.AskAsync("Thủ tục cấp phiếu lý lịch tư pháp số 2");
        var token = TokenFromMail(site);
        var middle = token.Length / 2;
        var bad = tamper ? token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..] : "không-hợp-lệ!";

        var (status, _) = await site.Asking.ConfirmAsync(bad, "203.0.113.9", CancellationToken.None);

        Assert.Equal(ForumOperationStatus.NotFound, status);
        Assert.False((await site.FindAsync(question.Key))!.IsConfirmed);
        Assert.Empty(await site.Queries.AwaitingModerationAsync(CancellationToken.None));
    }

    [Fact]
    public async Task TrackAsync_RightCodeWrongContact_NothingFound()
    {
        await using var site = await ForumSite.StartAsync();
        var question = await site.AskAsync("Đăng ký thường trú tại nhà thuê trọ", "Nguyenvana@Example.com");

        Assert.Null(await site.Asking.TrackAsync(question.TrackingCode, "nguyenvanb@example.com", CancellationToken.None));
        Assert.Null(await site.Asking.TrackAsync(question.TrackingCode, "0900000001", CancellationToken.None));
        var found = await site.Asking.TrackAsync(question.TrackingCode.ToLowerInvariant(), " NGUYENVANA@example.com ", CancellationToken.None);
        Assert.Equal(question.Key, found?.Key);
    }

    private static string TokenFromMail(ForumSite site)
    {
        var mail = Assert.Single(site.Mailbox());
        var link = ConfirmLink().Match(mail.TextBody ?? string.Empty);
        Assert.True(link.Success, mail.TextBody);
        return Uri.UnescapeDataString(link.Groups[1].Value);
    }

    [GeneratedRegex(@"/dien-dan/xac-nhan\?t=(\S+)", RegexOptions.CultureInvariant)]
    private static partial Regex ConfirmLink();
}
