using System.Globalization;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Procedures;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.TestHost;
using static Portal.Web.Tests.Features.Procedures.ProcedureTestKit;
using A = Portal.Core.Procedures.ProcedureAliases;

namespace Portal.Web.Tests.Features.Procedures;

/// <summary>One procedure at /thu-tuc-hanh-chinh/{code}: its sections and tables, its status and decision history, its print view.</summary>
[Collection(ProcedureSiteCollection.Name)]
public sealed class ProcedurePageTests(ProcedureSite site)
{
    private PortalFactory Factory => site.Factory;

    private HttpClient Client => site.Client;

    private static string Day(DateOnly date) => date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private async Task<string> PublishLegalDocumentAsync(string number)
    {
        var tree = Factory.Services.GetRequiredService<PublishedRouteTree>();
        var list = tree.ChildrenOf(tree.Root!.Key).First(n => n.ContentTypeAlias == "legalDocumentList");
        var key = await PublishAsync(Factory, "legalDocument", list.Key, "Luật Xuất cảnh, nhập cảnh " + number, new()
        {
            ["documentNumber"] = number, ["documentType"] = Json("Luật"), ["issueDate"] = "2014-06-16 00:00:00",
            ["issuer"] = "Quốc hội", ["summary"] = "Luật về xuất cảnh, nhập cảnh, quá cảnh, cư trú của người nước ngoài tại Việt Nam.",
        });
        return tree.UrlOf(key)!;
    }

    [Fact]
    public async Task Procedure_ByCode_ShowsEverySectionInNationalOrderWithAccessibleTables()
    {
        var legalUrl = await PublishLegalDocumentAsync("47/2014/QH13-KT");
        var key = await PublishProcedureAsync(Factory, new TestProcedure("8.100001", "Cấp thị thực cho người nước ngoài")
        {
            Field = "Quản lý xuất nhập cảnh", Levels = ["Cấp tỉnh"], OnlineLevel = "Một phần", Postal = true, ImplementingAgency = "Phòng Quản lý xuất nhập cảnh",
            Keywords = ["thị thực"],
            Extra = new()
            {
                [A.DecisionNumber] = "5568/QĐ-BCA", [A.Type] = "TTHC được luật giao quy định chi tiết", [A.ApplicantTypes] = Json("Người nước ngoài"),
                [A.CompetentAgency] = "Cục Quản lý xuất nhập cảnh", [A.ReceivingAddress] = "Số 1 Trần Hưng Đạo, thành phố Kon Tum",
                [A.Requirements] = "Có hộ chiếu còn giá trị.",
                [A.Steps] = Blocks(StepType, new() { [A.StepText] = "Bước 1: Nộp hồ sơ." }, new() { [A.StepText] = "Bước 2: Nhận kết quả." }),
                [A.Channels] = Blocks(ChannelType,
                    new() { [A.ChannelKind] = Json("Trực tiếp"), [A.ChannelTimeLimit] = "5 Ngày làm việc", [A.ChannelFeeAmount] = "400000", [A.ChannelFeeCurrency] = Json("VND") },
                    new() { [A.ChannelKind] = Json("Trực tuyến"), [A.ChannelTimeLimit] = "3 Ngày làm việc", [A.ChannelFeeAmount] = "25", [A.ChannelFeeCurrency] = Json("USD"),
                        [A.ChannelDescription] = "(Cấp thị thực có giá trị một lần)" }),
                [A.Dossier] = Blocks(DossierType,
                    new() { [A.DossierCase] = "Trường hợp 1: Người đề nghị là cá nhân", [A.DossierName] = "Tờ khai đề nghị cấp thị thực", [A.DossierOriginals] = "1",
                        [A.DossierCopies] = "0", [A.DossierFormName] = "NA5.doc", [A.DossierFormUrl] = "https://example.gov.vn/NA5.doc" },
                    new() { [A.DossierName] = "Hộ chiếu", [A.DossierQuantityText] = "1 bản chính" },
                    new() { [A.DossierCase] = "Trường hợp 2: Người đề nghị là tổ chức", [A.DossierName] = "Công văn đề nghị" }),
                [A.LegalBasis] = Blocks(LegalType,
                    new() { [A.LegalNumber] = "47/2014/QH13-KT", [A.LegalTitle] = "Luật Xuất cảnh, nhập cảnh" },
                    new() { [A.LegalNumber] = "25/2021/TT-BTC", [A.LegalTitle] = "Thông tư quy định mức thu phí" }),
                [A.ResultsSource] = "Thị thực loại dán hoặc rời (nguyên văn).",
            },
        });

        var html = await GetHtmlAsync(Client, "/thu-tuc-hanh-chinh/8.100001");

        string[] order = ["<dt>Tên thủ tục</dt>", "<dt>Mã thủ tục</dt>", "<dt>Số quyết định</dt>", "<dt>Cấp thực hiện</dt>", "<dt>Loại thủ tục</dt>",
            "<dt>Lĩnh vực</dt>", ">Trình tự thực hiện</h2>", ">Cách thức thực hiện</h2>", ">Thành phần hồ sơ</h2>", ">Đối tượng thực hiện</h2>",
            ">Cơ quan thực hiện</h2>", ">Địa chỉ tiếp nhận hồ sơ</h2>", ">Yêu cầu, điều kiện thực hiện</h2>", ">Căn cứ pháp lý</h2>", ">Kết quả thực hiện</h2>",
            "<dt>Từ khóa</dt>", "<dt>Mức độ dịch vụ công trực tuyến</dt>", "<dt>Tiếp nhận hồ sơ qua bưu chính công ích</dt>"];
        var positions = order.Select(s => html.IndexOf(s, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0));
        Assert.Equal(positions.Order(), positions);

        var steps = html.IndexOf("<ol class=\"steps\">", StringComparison.Ordinal);
        Assert.True(steps > 0 && html.IndexOf("<li>Bước 1: Nộp hồ sơ.</li>", StringComparison.Ordinal) > steps
            && html.IndexOf("<li>Bước 2: Nhận kết quả.</li>", StringComparison.Ordinal) > html.IndexOf("<li>Bước 1: Nộp hồ sơ.</li>", StringComparison.Ordinal));
        Assert.Contains("<th scope=\"col\">Hình thức nộp</th><th scope=\"col\">Thời hạn giải quyết</th><th scope=\"col\">Phí, lệ phí</th><th scope=\"col\">Mô tả</th>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">Trực tiếp</th><td>5 Ngày làm việc</td><td>400.000 đồng</td><td></td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<td>25 USD</td><td>(Cấp thị thực có giá trị một lần)</td>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">Tên giấy tờ</th><th scope=\"col\">Mẫu đơn, tờ khai</th><th scope=\"col\">Số lượng</th>", html, StringComparison.Ordinal);
        var case1 = html.IndexOf("<th scope=\"colgroup\" colspan=\"3\">Trường hợp 1: Người đề nghị là cá nhân</th>", StringComparison.Ordinal);
        var passport = html.IndexOf("<td>Hộ chiếu</td>", StringComparison.Ordinal);
        var case2 = html.IndexOf("<th scope=\"colgroup\" colspan=\"3\">Trường hợp 2: Người đề nghị là tổ chức</th>", StringComparison.Ordinal);
        Assert.True(case1 > 0 && passport > case1 && case2 > passport);
        Assert.Contains("<a href=\"https://example.gov.vn/NA5.doc\" download>NA5.doc</a>", html, StringComparison.Ordinal);
        Assert.Contains("<td>Bản chính: 1 - Bản sao: 0</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>1 bản chính</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<th scope=\"row\"><a href=\"{legalUrl}\">47/2014/QH13-KT</a></th>", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"row\">25/2021/TT-BTC</th>", html, StringComparison.Ordinal);
        Assert.Contains("<p>Thị thực loại dán hoặc rời (nguyên văn).</p>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>Cách thức thực hiện", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://dichvucong.kontum.gov.vn\">Nộp hồ sơ trực tuyến</a>", html, StringComparison.Ordinal);
        Assert.Contains("<link rel=\"canonical\" href=\"http://localhost/thu-tuc-hanh-chinh/8.100001\">", html, StringComparison.Ordinal);
        Assert.Contains("Đang có hiệu lực", html, StringComparison.Ordinal);

        // The document's own name-based URL moves permanently to the code URL.
        var treeUrl = Factory.Services.GetRequiredService<PublishedRouteTree>().UrlOf(key)!;
        using var moved = await Client.GetAsync(new Uri(treeUrl, UriKind.Relative));
        Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
        Assert.Equal("/thu-tuc-hanh-chinh/8.100001", moved.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Procedure_AfterAmendReplaceAbolishDecisions_ShowsStatusAndHistory()
    {
        var today = VietnamToday;
        foreach (var (code, name) in new[] { ("8.200001", "Thủ tục được sửa đổi"), ("8.200002", "Thủ tục bị thay thế"), ("8.200003", "Thủ tục thay thế"), ("8.200004", "Thủ tục bị bãi bỏ") })
        {
            await PublishProcedureAsync(Factory, new TestProcedure(code, name));
        }

        await PublishDecisionAsync(Factory, "101/QĐ-UBND", today.AddDays(-100),
            new TestEntry("8.200001", "Công bố mới"), new TestEntry("8.200002", "Công bố mới"), new TestEntry("8.200004", "Công bố mới"));
        await PublishDecisionAsync(Factory, "202/QĐ-UBND", today.AddDays(-10),
            new TestEntry("8.200001", "Sửa đổi, bổ sung"), new TestEntry("8.200003", "Thay thế", ReplacesCode: "8.200002"),
            new TestEntry("8.200004", "Bãi bỏ", EffectiveDate: today.AddDays(-5)));
        await PublishDecisionAsync(Factory, "303/QĐ-UBND", today.AddDays(-1), new TestEntry("8.200001", "Bãi bỏ", EffectiveDate: today.AddDays(30)));

        var amended = await GetHtmlAsync(Client, "/thu-tuc-hanh-chinh/8.200001");
        var replaced = await GetHtmlAsync(Client, "/thu-tuc-hanh-chinh/8.200002");
        var successor = await GetHtmlAsync(Client, "/thu-tuc-hanh-chinh/8.200003");
        var abolished = await GetHtmlAsync(Client, "/thu-tuc-hanh-chinh/8.200004");

        Assert.Contains("Đang có hiệu lực", amended, StringComparison.Ordinal);
        Assert.Contains($"<td>{Day(today.AddDays(-100))}</td>", amended, StringComparison.Ordinal);
        Assert.Contains($"<td>{Day(today.AddDays(-10))}</td>", amended, StringComparison.Ordinal);
        Assert.Contains("<td>Sửa đổi, bổ sung</td>", amended, StringComparison.Ordinal);
        Assert.Contains($"<td>{Day(today.AddDays(30))} (chưa có hiệu lực)</td>", amended, StringComparison.Ordinal);
        Assert.True(amended.IndexOf("101/QĐ-UBND", StringComparison.Ordinal) < amended.IndexOf("202/QĐ-UBND", StringComparison.Ordinal));

        Assert.Contains("Đã được thay thế bởi <a href=\"/thu-tuc-hanh-chinh/8.200003\">8.200003</a>", replaced, StringComparison.Ordinal);
        Assert.Contains("<td>Được thay thế bởi thủ tục 8.200003</td>", replaced, StringComparison.Ordinal);
        Assert.DoesNotContain(">Nộp hồ sơ trực tuyến</a>", replaced, StringComparison.Ordinal);
        Assert.Contains("<td>Thay thế thủ tục 8.200002</td>", successor, StringComparison.Ordinal);
        Assert.Contains("Đang có hiệu lực", successor, StringComparison.Ordinal);

        Assert.Contains("<span class=\"status status-da-bai-bo\">Đã bãi bỏ</span>", abolished, StringComparison.Ordinal);
        Assert.Contains("đã bị bãi bỏ", abolished, StringComparison.Ordinal);
        Assert.Contains($"<td>{Day(today.AddDays(-5))}</td>", abolished, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrintView_HasQrCodeOfThePageUrlAndThePrintedDate()
    {
        await PublishProcedureAsync(Factory, new TestProcedure("8.300001", "Thủ tục để in") { Levels = ["Cấp xã"] });

        var html = await GetHtmlAsync(Client, "/thu-tuc-hanh-chinh/8.300001?ban-in=1");

        Assert.Contains($"Ngày in: {Day(VietnamToday)}", html, StringComparison.Ordinal);
        Assert.Contains(">Trình tự thực hiện</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("site-nav", html, StringComparison.Ordinal);
        Assert.Equal("http://localhost/thu-tuc-hanh-chinh/8.300001", QrSvg.Decode(html));
    }
}
