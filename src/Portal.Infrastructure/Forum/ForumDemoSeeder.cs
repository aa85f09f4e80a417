using Microsoft.Extensions.Options;
using Portal.Core.Access;
using Portal.Core.Forum;
using Portal.Core.Text;
using Portal.Data.Forum;

namespace Portal.Infrastructure.Forum;

/// <summary>
/// The demonstration forum of a first start: questions citizens of Kon Tum really ask, in every state a visitor and a
/// moderator should see, made through the same Core verbs as the live forum so the demo proves the workflow. Askers
/// and contacts are fictional (example.com, 0900…); dates lie in the last four months.
/// </summary>
public sealed class ForumDemoSeeder(ForumStore store, ForumUnits units, IOptions<ForumPolicy> policy, TimeProvider clock)
{
    private static readonly Actor Seed = Actor.System("demo-seed");

    private static readonly DemoQuestion[] Questions =
    [
        new(118, Plan.Closed, QuestionKind.Inquiry, "Đất đai", "Sở Tài nguyên và Môi trường",
            "Hồ sơ cấp giấy chứng nhận quyền sử dụng đất lần đầu gồm những gì?",
            "Gia đình tôi sử dụng đất ở ổn định từ năm 1995 tại xã Đắk Cấm, chưa được cấp giấy chứng nhận. Xin hỏi hồ sơ đề nghị cấp lần đầu gồm những giấy tờ gì và nộp ở đâu?",
            "Nguyễn Văn A", "nguyenvana@example.com",
            "Hồ sơ gồm: đơn đăng ký, cấp Giấy chứng nhận theo Mẫu số 04/ĐK; giấy tờ về quyền sử dụng đất (nếu có); chứng từ thực hiện nghĩa vụ tài chính (nếu có). Ông nộp hồ sơ tại Bộ phận một cửa cấp huyện hoặc Chi nhánh Văn phòng đăng ký đất đai.",
            "Khoản 1 Điều 8 Thông tư 24/2014/TT-BTNMT"),
        new(104, Plan.Closed, QuestionKind.Inquiry, "Hộ tịch", "Sở Tư pháp",
            "Đăng ký khai sinh quá hạn cho con đã 3 tuổi có bị xử phạt không?",
            "Con tôi sinh năm 2023 nhưng đến nay chưa làm giấy khai sinh. Xin hỏi đăng ký khai sinh quá hạn thì thủ tục thế nào và có bị phạt tiền không?",
            "Trần Thị B", "0900000002",
            "Việc đăng ký khai sinh quá hạn vẫn được thực hiện tại UBND cấp xã nơi cư trú của người cha hoặc người mẹ. Theo quy định hiện hành, người đi đăng ký khai sinh quá hạn không bị xử phạt vi phạm hành chính; cán bộ tư pháp - hộ tịch nhắc nhở và hướng dẫn thủ tục.",
            "Khoản 1 Điều 16 Luật Hộ tịch 2014"),
        new(96, Plan.Closed, QuestionKind.Inquiry, "Xây dựng", "Sở Xây dựng",
            "Sửa chữa nhà ở nông thôn có phải xin giấy phép xây dựng không?",
            "Tôi muốn sửa lại mái và nâng nền nhà cấp 4 ở thôn Kon Jơ Ri, không thay đổi kết cấu chịu lực. Xin hỏi trường hợp này có phải xin giấy phép xây dựng không?",
            "Lê Văn C", "levanc@example.com",
            "Công trình sửa chữa, cải tạo bên trong hoặc không làm thay đổi kết cấu chịu lực, công năng sử dụng và kiến trúc mặt ngoài được miễn giấy phép xây dựng. Nhà ở riêng lẻ ở nông thôn không thuộc khu vực có quy hoạch đô thị cũng được miễn giấy phép.",
            "Điểm g, điểm i khoản 2 Điều 89 Luật Xây dựng 2014 (sửa đổi năm 2020)"),
        new(82, Plan.Closed, QuestionKind.Inquiry, "Đầu tư, kinh doanh", "Sở Kế hoạch và Đầu tư",
            "Thời hạn cấp Giấy chứng nhận đăng ký doanh nghiệp là bao lâu?",
            "Tôi chuẩn bị thành lập công ty TNHH một thành viên tại thành phố Kon Tum. Xin hỏi sau khi nộp hồ sơ hợp lệ thì bao lâu được cấp Giấy chứng nhận đăng ký doanh nghiệp?",
            "Phạm Thị D", "phamthid@example.com",
            "Phòng Đăng ký kinh doanh cấp Giấy chứng nhận đăng ký doanh nghiệp trong thời hạn 03 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ. Bà có thể nộp hồ sơ qua mạng tại Cổng thông tin quốc gia về đăng ký doanh nghiệp.",
            "Khoản 1 Điều 33 Nghị định 01/2021/NĐ-CP"),
        new(68, Plan.Closed, QuestionKind.Feedback, "Hộ tịch", "Thành phố Kon Tum",
            "Phản ánh việc yêu cầu nộp thêm bản sao giấy tờ khi chứng thực",
            "Khi chứng thực hợp đồng tại phường, tôi được yêu cầu nộp thêm bản sao căn cước và sổ hộ khẩu dù đã xuất trình bản chính. Đề nghị xem xét việc yêu cầu giấy tờ không có trong quy định.",
            "Hoàng Văn E", "0900000005",
            "Qua kiểm tra, UBND phường đã chấn chỉnh công chức tiếp nhận. Người yêu cầu chứng thực chỉ xuất trình bản chính giấy tờ tùy thân để đối chiếu, không phải nộp bản sao; sổ hộ khẩu không còn là giấy tờ phải xuất trình.",
            "Khoản 1 Điều 6 Nghị định 61/2018/NĐ-CP"),
        new(57, Plan.Closed, QuestionKind.Inquiry, "Bảo hiểm xã hội", "Sở Lao động - Thương binh và Xã hội",
            "Điều kiện hưởng trợ cấp thất nghiệp khi nghỉ việc",
            "Tôi làm việc cho một doanh nghiệp ở Khu công nghiệp Hòa Bình được 2 năm, đóng bảo hiểm thất nghiệp đầy đủ và vừa chấm dứt hợp đồng. Xin hỏi điều kiện và nơi nộp hồ sơ hưởng trợ cấp thất nghiệp?",
            "Vũ Thị G", "vuthig@example.com",
            "Người lao động đã đóng bảo hiểm thất nghiệp từ đủ 12 tháng trở lên trong 24 tháng trước khi chấm dứt hợp đồng được hưởng trợ cấp. Trong 03 tháng kể từ ngày chấm dứt hợp đồng, chị nộp hồ sơ tại Trung tâm Dịch vụ việc làm tỉnh.",
            "Khoản 1 Điều 17 Nghị định 28/2015/NĐ-CP"),
        new(9, Plan.Transferred, QuestionKind.Inquiry, "Bảo hiểm xã hội", "Sở Lao động - Thương binh và Xã hội",
            "Cách tra cứu quá trình đóng bảo hiểm xã hội của bản thân",
            "Tôi muốn kiểm tra công ty cũ đã đóng đủ bảo hiểm xã hội cho tôi hay chưa. Xin hỏi tra cứu ở đâu và cần thủ tục gì?",
            "Đặng Văn H", "dangvanh@example.com",
            null, null, "Bảo hiểm xã hội tỉnh Kon Tum"),
        new(12, Plan.Answered, QuestionKind.Inquiry, "Khác", "Văn phòng UBND tỉnh",
            "Nộp hồ sơ trực tuyến toàn trình trên Cổng dịch vụ công như thế nào?",
            "Tôi muốn nộp hồ sơ cấp phiếu lý lịch tư pháp qua mạng mà không phải đến cơ quan nhà nước. Xin hướng dẫn cách đăng ký tài khoản và nộp hồ sơ trực tuyến toàn trình.",
            "Bùi Thị K", "buithik@example.com",
            "Bà đăng nhập Cổng Dịch vụ công quốc gia bằng tài khoản định danh điện tử VNeID mức độ 2, chọn thủ tục, kê khai biểu mẫu điện tử, đính kèm thành phần hồ sơ và thanh toán phí trực tuyến. Kết quả được trả qua dịch vụ bưu chính hoặc bản điện tử.",
            "Khoản 4 Điều 3 và Điều 11 Nghị định 45/2020/NĐ-CP"),
        new(14, Plan.Reopened, QuestionKind.Feedback, "Đất đai", "Sở Tài nguyên và Môi trường",
            "Hồ sơ chuyển nhượng quyền sử dụng đất bị trễ hẹn nhiều lần",
            "Tôi nộp hồ sơ đăng ký biến động do nhận chuyển nhượng đất tại huyện Đắk Hà, phiếu hẹn đã quá 15 ngày nhưng vẫn chưa có kết quả và không nhận được văn bản xin lỗi, gia hạn.",
            "Ngô Văn L", "0900000008",
            "Chi nhánh Văn phòng đăng ký đất đai huyện Đắk Hà đã giải quyết xong hồ sơ và gửi văn bản xin lỗi ông vì trễ hẹn. Kết quả được trả tại Bộ phận một cửa huyện.",
            "Điều 19 Nghị định 61/2018/NĐ-CP"),
        new(22, Plan.Overdue, QuestionKind.Feedback, "Xây dựng", "Sở Xây dựng",
            "Phản ánh công trình xây dựng lấn chiếm vỉa hè trên đường Trần Hưng Đạo",
            "Một công trình đang thi công trên đường Trần Hưng Đạo, thành phố Kon Tum để vật liệu chiếm toàn bộ vỉa hè hơn một tháng, người đi bộ phải xuống lòng đường. Đề nghị cơ quan chức năng kiểm tra.",
            "Đỗ Thị M", "dothim@example.com"),
        new(3, Plan.Assigned, QuestionKind.Inquiry, "Nội vụ", "Sở Nội vụ",
            "Hồ sơ đề nghị khen thưởng cho tập thể cấp xã gồm những gì?",
            "Xin hỏi hồ sơ đề nghị Chủ tịch UBND tỉnh tặng Bằng khen cho tập thể UBND xã có thành tích trong phong trào thi đua năm nay gồm những thành phần nào?",
            "Lý Văn N", "lyvann@example.com"),
        new(2, Plan.Assigned, QuestionKind.Inquiry, "Hộ tịch", "Sở Tư pháp",
            "Trích lục kết hôn bị mất thì xin cấp lại ở đâu?",
            "Tôi đăng ký kết hôn năm 2010 tại xã Ngọk Bay, nay bị mất giấy chứng nhận kết hôn. Xin hỏi có xin cấp bản sao trích lục ở nơi tôi đang cư trú được không? Liên hệ 0900000009.",
            "Trương Thị P", "0900000010"),
        new(1, Plan.Pending, QuestionKind.Inquiry, "Thuế, phí, lệ phí", null,
            "Lệ phí trước bạ khi nhận thừa kế nhà đất giữa anh chị em ruột",
            "Tôi và anh ruột được cha mẹ để lại thừa kế một căn nhà và đất ở phường Quyết Thắng. Xin hỏi khi đăng ký sang tên chúng tôi có được miễn lệ phí trước bạ không?",
            "Phan Văn Q", "phanvanq@example.com"),
        new(0, Plan.Pending, QuestionKind.Feedback, "Khác", null,
            "Đề nghị bổ sung thanh toán trực tuyến phí cấp bản sao trích lục",
            "Khi nộp hồ sơ cấp bản sao trích lục hộ tịch trên Cổng dịch vụ công, tôi không thấy lựa chọn thanh toán trực tuyến lệ phí. Đề nghị bổ sung để người dân không phải đến nộp tiền mặt.",
            "Huỳnh Thị R", "0900000012"),
        new(5, Plan.Rejected, QuestionKind.Inquiry, "Khác", null,
            "Dịch vụ làm sổ đỏ nhanh trọn gói, cam kết ra sổ trong 7 ngày",
            "Nhận làm nhanh giấy chứng nhận quyền sử dụng đất, giấy phép xây dựng, không cần chờ đợi. Liên hệ ngay để được tư vấn miễn phí, giá ưu đãi cho khách hàng đầu tiên.",
            "Dịch vụ giấy tờ X", "quangcao@example.com"),
    ];

    private enum Plan
    {
        Pending,
        Rejected,
        Assigned,
        Overdue,
        Answered,
        Closed,
        Reopened,
        Transferred,
    }

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        if ((await store.KeysAsync(_ => true, cancellationToken)).Count > 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var known = units.All();
        // Oldest first, so tracking numbers grow with the dates.
        foreach (var item in Questions.OrderByDescending(q => q.DaysAgo))
        {
            // 09:00 in Kon Tum on the day the question came in.
            var askedAt = VietnamTime.ToUtc(DateOnly.FromDateTime(VietnamTime.FromUtc(now)).AddDays(-item.DaysAgo).ToDateTime(new TimeOnly(9, 0)));
            await SeedOneAsync(item, Min(askedAt, now), now, UnitFor(item, known), cancellationToken);
        }
    }

    private async Task SeedOneAsync(DemoQuestion item, DateTime askedAt, DateTime now, ForumUnit? unit, CancellationToken cancellationToken)
    {
        var rules = policy.Value;
        var (input, _) = NewQuestion.Create(item.Kind, item.Title, item.Body, item.Topic, unit?.Key, null, item.Asker, item.Contact, rules.Topics);
        if (input is null)
        {
            return;
        }

        var year = VietnamTime.FromUtc(askedAt).Year;
        var question = await store.AddAsync(year, number => Question.Ask(input, year, number, Actor.Anonymous(null), askedAt), cancellationToken);
        var calendar = rules.Calendar();
        DateTime At(double days) => Min(askedAt.AddDays(days), now);
        var steps = new List<Func<Question, ForumOperationStatus>> { q => q.Confirm(Actor.Anonymous(null), At(0.02)) };
        if (item.Plan == Plan.Rejected)
        {
            steps.Add(q => q.Reject(Seed, "Nội dung quảng cáo dịch vụ, không phải câu hỏi về thủ tục hành chính.", At(0.3)));
        }
        else if (item.Plan != Plan.Pending)
        {
            steps.Add(q => q.Publish(Seed, PersonalDataRedactor.Redact(q.Title), PersonalDataRedactor.Redact(q.Body), At(0.2)));
            if (unit is not null)
            {
                steps.Add(q => q.Assign(Seed, unit.Key, unit.Name, rules, calendar, At(0.25)));
                AddLaterSteps(steps, item, rules, calendar, At);
            }
        }

        foreach (var step in steps)
        {
            var (status, _) = await store.ChangeAsync(question.Key, null, step, cancellationToken);
            if (status != ForumOperationStatus.Success)
            {
                return;
            }
        }
    }

    private static void AddLaterSteps(List<Func<Question, ForumOperationStatus>> steps, DemoQuestion item, ForumPolicy rules, WorkingCalendar calendar,
        Func<double, DateTime> at)
    {
        if (item.Plan == Plan.Transferred)
        {
            steps.Add(q => q.Transfer(Seed, null, item.Agency, "Việc tra cứu và xác nhận quá trình đóng bảo hiểm xã hội thuộc thẩm quyền của cơ quan bảo hiểm xã hội.",
                rules, calendar, at(2)));
            return;
        }

        if (item.Plan is Plan.Assigned or Plan.Overdue || item.Answer is not { } answer)
        {
            return;
        }

        steps.Add(q => q.WriteAnswer(Seed, null, answer, item.Citation is null ? [] : [item.Citation], [], at(4)));
        steps.Add(q => q.SubmitAnswer(Seed, q.Answers[^1].Key, at(4.1)));
        steps.Add(q => q.ApproveAnswer(Seed, q.Answers[^1].Key, at(5)));
        if (item.Plan == Plan.Closed)
        {
            steps.Add(q => q.Close(Seed, byAsker: true, "Người hỏi xác nhận đã được giải đáp", at(9)));
        }
        else if (item.Plan == Plan.Reopened)
        {
            steps.Add(q => q.Reopen(Actor.Anonymous(null), "Tôi đã đến nhận nhưng hồ sơ vẫn chưa được ký, đề nghị kiểm tra lại.", rules, calendar, at(8)));
        }
    }

    /// <summary>The unit the question names, or (on a site whose units differ from the demo's) one of the units there are.</summary>
    private static ForumUnit? UnitFor(DemoQuestion item, IReadOnlyList<ForumUnit> known) =>
        item.Unit is null || known.Count == 0
            ? null
            : known.FirstOrDefault(u => string.Equals(u.Name, item.Unit, StringComparison.Ordinal))
              ?? known[item.Title.Length % known.Count];

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private sealed record DemoQuestion(int DaysAgo, Plan Plan, QuestionKind Kind, string Topic, string? Unit, string Title, string Body,
        string Asker, string Contact, string? Answer = null, string? Citation = null, string? Agency = null);
}
