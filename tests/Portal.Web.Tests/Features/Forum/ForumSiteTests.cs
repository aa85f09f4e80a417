using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Data.Forum;
using Portal.Infrastructure.Forum;
using Portal.Web.Tests.TestHost;
using static Portal.Web.Tests.Features.Forum.ForumTestKit;

namespace Portal.Web.Tests.Features.Forum;

/// <summary>The public forum as citizens use it: ask, confirm, read the answer, follow and reopen, report.</summary>
[Collection(ForumSiteCollection.Name)]
public sealed class ForumSiteTests(ForumSite site)
{
    private PortalFactory Factory => site.Factory;

    private HttpClient Client => site.Client;

    [Fact]
    public async Task Ask_ConfirmedPublishedAnswered_ThreadAndTrackingShowAnswerAndReopenWorks()
    {
        var fields = new AskFields("Thủ tục đăng ký khai sinh luuchuyen cho trẻ sinh ở nước ngoài",
            "Con tôi sinh ở nước ngoài, về nước thì đăng ký khai sinh ở đâu?\nXem thêm https://example.org/huong-dan.", "Nguyễn Văn An",
            "an.nguyen@example.com");

        var code = await AskAsync(Client, fields);
        var link = await ConfirmLinkAsync(site.MailFolder, code);
        var confirmed = await GetAsync(Client, new Uri(link).PathAndQuery);
        Assert.Contains("Đã xác nhận câu hỏi", confirmed, StringComparison.Ordinal);
        Assert.Contains(code, confirmed, StringComparison.Ordinal);
        await PublishAsync(Factory, code, Unit(Factory));
        await AnswerAsync(Factory, code, "Bạn đăng ký tại UBND cấp xã nơi cư trú.", "Điều 29 Luật Hộ tịch 2014");

        var thread = await GetAsync(Client, ForumPaths.Thread(code));
        Assert.Contains(Unit(Factory).Name, thread, StringComparison.Ordinal);
        Assert.Contains("class=\"badge\"", thread, StringComparison.Ordinal);
        Assert.Contains("Bạn đăng ký tại UBND cấp xã nơi cư trú.", thread, StringComparison.Ordinal);
        Assert.Contains("Thời gian trả lời: 0 ngày làm việc", thread, StringComparison.Ordinal);
        Assert.Contains("Điều 29 Luật Hộ tịch 2014", thread, StringComparison.Ordinal);
        Assert.Contains("<a href=\"https://example.org/huong-dan\" rel=\"nofollow ugc\">", thread, StringComparison.Ordinal);
        Assert.Contains("Đã trả lời", thread, StringComparison.Ordinal);
        var list = await GetAsync(Client, ForumPaths.Root + "?q=luuchuyen");
        Assert.Contains(ForumPaths.Thread(code), list, StringComparison.Ordinal);

        var upper = await Client.GetAsync(new Uri(ForumPaths.Thread(code).ToUpperInvariant().Replace("/DIEN-DAN", "/dien-dan", StringComparison.Ordinal), UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, upper.StatusCode);

        using var tracked = await PostAsync(Client, ForumPaths.Track, ForumPaths.Track, new Dictionary<string, string> { ["code"] = code.ToLowerInvariant(), ["contact"] = "AN.NGUYEN@example.com" });
        var tracking = await tracked.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        Assert.Contains("Đã trả lời", tracking, StringComparison.Ordinal);
        Assert.Contains("an.nguyen@example.com", tracking, StringComparison.Ordinal);
        Assert.Contains("Mở lại câu hỏi", tracking, StringComparison.Ordinal);
        Assert.True(tracked.Headers.CacheControl?.NoStore);

        using var reopened = await PostAsync(Client, ForumPaths.Track, ForumPaths.Track + "/mo-lai",
            new Dictionary<string, string> { ["code"] = code, ["contact"] = "an.nguyen@example.com", ["reason"] = "Chưa nói rõ cần giấy tờ gì." });
        var afterReopen = await reopened.Content.ReadAsStringAsync();
        Assert.Contains("Đã mở lại câu hỏi", afterReopen, StringComparison.Ordinal);
        Assert.Contains("Mở lại, chờ trả lời", afterReopen, StringComparison.Ordinal);
        var reopenedThread = await GetAsync(Client, ForumPaths.Thread(code));
        Assert.Contains("Người hỏi đã mở lại câu hỏi vì: Chưa nói rõ cần giấy tờ gì.", reopenedThread, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Track_WrongContactOrWrongCode_SameNeutralMessage()
    {
        var code = await AskAsync(Client, new AskFields("Hỏi về lệ phí cấp bản sao giấy khai sinh", "Lệ phí cấp bản sao giấy khai sinh hiện nay là bao nhiêu?",
            "Trần Bình", "0905123456"));

        using var wrongContact = await PostAsync(Client, ForumPaths.Track, ForumPaths.Track, new Dictionary<string, string> { ["code"] = code, ["contact"] = "0905000000" });
        using var wrongCode = await PostAsync(Client, ForumPaths.Track, ForumPaths.Track, new Dictionary<string, string> { ["code"] = "PAKN-1999-000001", ["contact"] = "0905123456" });

        const string neutral = "Không tìm thấy câu hỏi với mã theo dõi và thông tin liên hệ đã nhập.";
        Assert.Contains(neutral, await wrongContact.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains(neutral, await wrongCode.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_InvalidFields_400WithVietnameseErrorsAndTypedTextKept()
    {
        using var response = await PostAsync(Client, ForumPaths.Ask, ForumPaths.Ask, new Dictionary<string, string>
        {
            ["kind"] = "hoi-dap", ["title"] = "Ngắn", ["body"] = "Nội dung giữ nguyên giuanguyen <b>đậm</b>", ["name"] = "Lê Chi", ["contact"] = "khong-phai-email",
        });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Có 2 lỗi cần sửa trước khi gửi", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#f-title\">Tiêu đề cần từ 10 đến 200 ký tự.", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"f-contact-goi-y f-contact-loi\"", html, StringComparison.Ordinal);
        Assert.Contains("Nội dung giữ nguyên giuanguyen &lt;b&gt;đậm&lt;/b&gt;</textarea>", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Lê Chi\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Ask_HoneypotFilled_PretendsSuccessAndStoresNothing()
    {
        var fields = new AskFields("Câu hỏi của máy mathongminh gửi tự động", "Nội dung do máy gửi tự động để quảng cáo.", "Bot", "bot@example.com").ToForm();
        fields["website"] = "http://spam.example";
        var before = (await Factory.Services.GetRequiredService<ForumQueries>().ListAllAsync(new ForumListFilter(), null, default)).Total;

        using var response = await PostAsync(Client, ForumPaths.Ask, ForumPaths.Ask, fields);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Cảm ơn bạn đã gửi câu hỏi", await GetAsync(Client, response.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(before, (await Factory.Services.GetRequiredService<ForumQueries>().ListAllAsync(new ForumListFilter(), null, default)).Total);
    }

    [Fact]
    public async Task Confirm_BadToken_400Page()
    {
        var html = await GetAsync(Client, ForumPaths.Confirm + "?t=khong-hop-le", HttpStatusCode.BadRequest);

        Assert.Contains("Liên kết xác nhận không hợp lệ", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_ThreeDistinctReaders_ThreadHiddenAndGoneFromList()
    {
        var code = await AnsweredQuestionAsync(Client, Factory,
            new AskFields("Câu hỏi baocaoviphamx bị báo cáo vi phạm", "Nội dung câu hỏi sẽ bị ba người báo cáo.", "Phạm Dũng", "0912345678"),
            "Câu trả lời của đơn vị.");
        var question = await FindAsync(Factory, code);

        using var first = await PostAsync(Client, ForumPaths.Thread(code), ForumPaths.Thread(code) + "/bao-cao", new Dictionary<string, string> { ["reason"] = "Quảng cáo" });
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Contains("Cảm ơn bạn đã báo cáo", await GetAsync(Client, first.Headers.Location!.OriginalString), StringComparison.Ordinal);
        var asking = Factory.Services.GetRequiredService<ForumAsking>();
        await asking.ReportAsync(question.Key, null, null, "198.51.100.1", default);
        Assert.Contains(ForumPaths.Thread(code), await GetAsync(Client, ForumPaths.Root + "?q=baocaoviphamx"), StringComparison.Ordinal);
        await asking.ReportAsync(question.Key, null, null, "198.51.100.2", default);

        await GetAsync(Client, ForumPaths.Thread(code), HttpStatusCode.NotFound);
        Assert.DoesNotContain(ForumPaths.Thread(code), await GetAsync(Client, ForumPaths.Root + "?q=baocaoviphamx"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_KindAndStatusFilters_NarrowTheQuestions()
    {
        var inquiry = await AnsweredQuestionAsync(Client, Factory,
            new AskFields("Câu hỏi locdanhsachx về hộ tịch", "Nội dung câu hỏi để thử bộ lọc danh sách.", "Lý Hùng", "0966111222"), "Đã trả lời.");
        var feedback = await AskAsync(Client,
            new AskFields("Phản ánh locdanhsachx về thủ tục", "Nội dung phản ánh để thử bộ lọc danh sách.", "Lý Hùng", "0966111223", Kind: "phan-anh-kien-nghi"));
        await PublishAsync(Factory, feedback, Unit(Factory));

        var feedbackOnly = await GetAsync(Client, ForumPaths.Root + "?q=locdanhsachx&loai=phan-anh-kien-nghi");
        var answeredOnly = await GetAsync(Client, ForumPaths.Root + "?q=locdanhsachx&tinh-trang=da-tra-loi");

        Assert.Contains(ForumPaths.Thread(feedback), feedbackOnly, StringComparison.Ordinal);
        Assert.DoesNotContain(ForumPaths.Thread(inquiry), feedbackOnly, StringComparison.Ordinal);
        Assert.Contains(ForumPaths.Thread(inquiry), answeredOnly, StringComparison.Ordinal);
        Assert.DoesNotContain(ForumPaths.Thread(feedback), answeredOnly, StringComparison.Ordinal);
        Assert.Contains("<option value=\"phan-anh-kien-nghi\" selected=\"selected\">", feedbackOnly, StringComparison.Ordinal);
        Assert.Contains("aria-label=\"Đường dẫn\"", feedbackOnly, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Thread_UnpublishedQuestion_NotFound()
    {
        var code = await AskAsync(Client, new AskFields("Câu hỏi chưa được kiểm duyệt đăng tải", "Câu hỏi này chưa được cán bộ kiểm duyệt.", "Võ Hà", "0987654321"));

        await GetAsync(Client, ForumPaths.Thread(code), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Home_AnsweredQuestion_ListedWithLinkToThread()
    {
        var code = await AnsweredQuestionAsync(Client, Factory,
            new AskFields("Câu hỏi trangchumoinhat đã được trả lời", "Nội dung câu hỏi sẽ hiện trên trang chủ.", "Đặng Mai", "0977123456"),
            "Đơn vị đã trả lời.");

        var home = await GetAsync(Client, "/?q=" + Guid.NewGuid().ToString("N"));

        Assert.Contains(ForumPaths.Thread(code), home, StringComparison.Ordinal);
    }
}
