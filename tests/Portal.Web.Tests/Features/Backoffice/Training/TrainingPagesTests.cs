using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Programme;
using Portal.Infrastructure.Programme.Training;
using Portal.Web.Tests.Features.SignIn;
using static Portal.Web.Tests.Features.Backoffice.Training.TrainingTestKit;

namespace Portal.Web.Tests.Features.Backoffice.Training;

/// <summary>Units register their people for a training course within the quota; Sở Nội vụ follows every unit; the public page counts.</summary>
public sealed class TrainingPagesTests(TrainingSiteFixture fixture) : IClassFixture<TrainingSiteFixture>
{
    private BackofficeSite Site => fixture.Site;

    [Fact]
    public async Task Register_SixAtOnceForThreeSeats_NeverMoreThanTheQuota()
    {
        var course = await Site.PublishCourseAsync(quotaProvincial: "3");
        var unit = Site.UnitKey(ScienceUnit);
        var desk = Site.Services.GetRequiredService<TrainingDesk>();
        var actor = Actor.System("kiem-thu");

        // Six editors press «Đăng ký» at the same moment: each reads the free seats before any of them has saved.
        var outcomes = await Task.WhenAll(Enumerable.Range(1, 6).Select(i => Task.Run(() =>
            desk.RegisterAsync(actor, course.Key, unit, new ParticipantInput($"Học viên đồng thời {i}", null, null, null), CancellationToken.None))));

        var saved = await Site.RegistrationsAsync(course.Key);
        Assert.Equal(3, saved.Count(r => r.UnitKey == unit));
        Assert.Equal([1, 2, 3], saved.Where(r => r.UnitKey == unit).Select(r => r.Seat).Order());
        Assert.Equal(3, outcomes.Count(o => o.Status == ProgrammeOperationStatus.Success));
        Assert.All(outcomes.Where(o => o.Status != ProgrammeOperationStatus.Success), o => Assert.Equal(ProgrammeOperationStatus.QuotaFull, o.Status));
    }

    [Fact]
    public async Task PublicPage_RevalidatedAfterARegistration_IsNotNotModified()
    {
        var course = await Site.PublishCourseAsync();
        using var visitor = Site.Factory.CreateClient();
        using var first = await visitor.GetAsync(new Uri(course.PublicUrl, UriKind.Relative));
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);
        using var editor = await Site.SignedInAsync(Editors(ScienceUnit), "Biên tập viên xem lại trang");
        await editor.SubmitAsync(course.Page, course.RegisterAction, Participant(Site.UnitKey(ScienceUnit), "Học viên xem lại trang"));

        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(course.PublicUrl, UriKind.Relative));
        request.Headers.IfNoneMatch.Add(etag);
        using var again = await visitor.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Đã đăng ký: 1 người từ 1 đơn vị", BackofficeBrowser.Text(await again.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Row(Dictionary<string, string> cells, int row, int columns) =>
        Enumerable.Range(0, columns).Select(c => cells[$"{(char)('A' + c)}{row}"]);

    [Fact]
    public async Task Register_UnitEditorBeyondTheQuota_RefusedInVietnameseAndTheTypedNameKept()
    {
        var course = await Site.PublishCourseAsync(quotaProvincial: "3");
        var unit = Site.UnitKey(HomeAffairsUnit);
        using var editor = await Site.SignedInAsync(Editors(HomeAffairsUnit), "Văn thư Sở Nội vụ");
        foreach (var name in new[] { "Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường" })
        {
            var (accepted, _) = await editor.SubmitAsync(course.Page, course.RegisterAction, Participant(unit, name));
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        }

        var (refused, html) = await editor.SubmitAsync(course.Page, course.RegisterAction, Participant(unit, "Phạm Thị Dung"));

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(ProgrammeOperationStatus.QuotaFull.ToVietnamese(), BackofficeBrowser.Text(html), StringComparison.Ordinal);
        Assert.Equal("Phạm Thị Dung", InputValue(html, "ho-ten"));
        Assert.Equal("Chuyên viên", InputValue(html, "chuc-vu"));
        Assert.Equal(["Lê Văn Cường", "Nguyễn Văn An", "Trần Thị Bình"], (await Site.RegistrationsAsync(course.Key)).Select(r => r.FullName));
    }

    [Fact]
    public async Task Register_EditorOfOneUnitForAnother_RefusedAndNothingSaved()
    {
        var course = await Site.PublishCourseAsync();
        using var editor = await Site.SignedInAsync(Editors(HomeAffairsUnit), "Biên tập viên Sở Nội vụ");
        var (page, form) = await editor.GetAsync(course.Page);

        var (refused, html) = await editor.PostAsync(course.RegisterAction, Participant(Site.UnitKey(ScienceUnit), "Hoàng Văn Khoa"),
            BackofficeBrowser.TokenIn(form, course.RegisterAction));

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain(Site.UnitKey(ScienceUnit).ToString(), form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains(ProgrammeOperationStatus.NotAllowed.ToVietnamese(), BackofficeBrowser.Text(html), StringComparison.Ordinal);
        Assert.Equal("Hoàng Văn Khoa", InputValue(html, "ho-ten"));
        Assert.Empty(await Site.RegistrationsAsync(course.Key));
    }

    [Fact]
    public async Task Register_HomeAffairs_RegistersForAnyUnitAndSeesThemAll()
    {
        var course = await Site.PublishCourseAsync();
        using var tracker = await Site.SignedInAsync(HomeAffairs, "Chuyên viên Phòng CCHC");

        var (district, _) = await tracker.SubmitAsync(course.Page, course.RegisterAction, Participant(Site.UnitKey(DistrictUnit), "Y Ngọc"));
        var (science, _) = await tracker.SubmitAsync(course.Page, course.RegisterAction, Participant(Site.UnitKey(ScienceUnit), "A Thắm"));
        var (_, html) = await tracker.GetAsync(course.Page);

        Assert.Equal(HttpStatusCode.Redirect, district.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, science.StatusCode);
        var text = BackofficeBrowser.Text(html);
        Assert.Contains("Y Ngọc", text, StringComparison.Ordinal);
        Assert.Contains("A Thắm", text, StringComparison.Ordinal);
        var registrations = await Site.RegistrationsAsync(course.Key);
        Assert.Equal([UnitLevel.Provincial, UnitLevel.District], registrations.Select(r => r.Level));
    }

    [Fact]
    public async Task Withdraw_UnitEditor_SeatFreedForTheNextParticipant()
    {
        var course = await Site.PublishCourseAsync(quotaProvincial: "1");
        var unit = Site.UnitKey(HomeAffairsUnit);
        using var editor = await Site.SignedInAsync(Editors(HomeAffairsUnit), "Biên tập viên hủy đăng ký");
        await editor.SubmitAsync(course.Page, course.RegisterAction, Participant(unit, "Đinh Văn Đổi"));
        var first = Assert.Single(await Site.RegistrationsAsync(course.Key));
        var withdraw = $"{course.Page}/huy/{first.Key}";

        var (withdrawn, _) = await editor.SubmitAsync(course.Page, withdraw, new Dictionary<string, string>());
        var (replaced, _) = await editor.SubmitAsync(course.Page, course.RegisterAction, Participant(unit, "Đinh Thị Thay"));

        Assert.Equal(HttpStatusCode.Redirect, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, replaced.StatusCode);
        var now = Assert.Single(await Site.RegistrationsAsync(course.Key));
        Assert.Equal("Đinh Thị Thay", now.FullName);
        Assert.Equal(1, now.Seat);
    }

    [Fact]
    public async Task Withdraw_AfterTheCourseEnded_RefusedAndTheListKept()
    {
        var course = await Site.PublishCourseAsync(endsInDays: -2);
        var earlier = await Site.RegisteredEarlierAsync(course, HomeAffairsUnit, "Lò Văn Đã Học");
        using var editor = await Site.SignedInAsync(Editors(HomeAffairsUnit), "Biên tập viên lớp đã xong");
        var withdraw = $"{course.Page}/huy/{earlier.Key}";
        var (page, html) = await editor.GetAsync(course.Page);

        // The page offers neither form once the course has ended; a stale tab still posts, with the session's token.
        var token = BackofficeBrowser.TokenIn(html, "/umbraco/dang-xuat");
        var (refused, refusal) = await editor.PostAsync(withdraw, new Dictionary<string, string>(), token);
        var (late, _) = await editor.PostAsync(course.RegisterAction, Participant(Site.UnitKey(HomeAffairsUnit), "Người đến muộn"), token);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain($"action=\"{course.RegisterAction}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"action=\"{withdraw}\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains(ProgrammeOperationStatus.CourseEnded.ToVietnamese(), BackofficeBrowser.Text(refusal), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Equal("Lò Văn Đã Học", Assert.Single(await Site.RegistrationsAsync(course.Key)).FullName);
    }

    [Fact]
    public async Task Export_Tracker_WorkbookListsEveryUnitsParticipantsCellByCell()
    {
        var course = await Site.PublishCourseAsync();
        using var tracker = await Site.SignedInAsync(HomeAffairs, "Chuyên viên tổng hợp");
        await tracker.SubmitAsync(course.Page, course.RegisterAction, Participant(Site.UnitKey(ScienceUnit), "Bùi Văn Khoa"));
        await tracker.SubmitAsync(course.Page, course.RegisterAction, Participant(Site.UnitKey(DistrictUnit), "Y Hương"));
        using var editor = await Site.SignedInAsync(Editors(HomeAffairsUnit), "Biên tập viên xem danh sách");

        using var response = await tracker.Client.GetAsync(new Uri(course.Page + "/danh-sach.xlsx", UriKind.Relative));
        var cells = Cells(await response.Content.ReadAsByteArrayAsync());
        using var own = await editor.Client.GetAsync(new Uri(course.Page + "/danh-sach.xlsx", UriKind.Relative));
        var ownCells = Cells(await own.Content.ReadAsByteArrayAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal($"Danh sách học viên — {course.Title}", cells["A1"]);
        Assert.Equal(["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Cấp", "Điện thoại", "Email", "Ngày đăng ký"],
            Row(cells, 2, 8));

        // Huyện Đăk Hà comes before Sở Khoa học và Công nghệ in Vietnamese order.
        var district = await Site.UnitNameAsync(DistrictUnit);
        Assert.Equal(["1", "Y Hương", "Chuyên viên", district, UnitLevel.District.ToVietnamese(), "0260 3862 456", "hocvien@kontum.gov.vn"],
            Row(cells, 3, 7));
        Assert.Equal(DateTime.UtcNow.AddHours(7).ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture), cells["H3"]);
        Assert.Equal("Bùi Văn Khoa", cells["B4"]);
        Assert.Equal(await Site.UnitNameAsync(ScienceUnit), cells["D4"]);
        Assert.Equal(UnitLevel.Provincial.ToVietnamese(), cells["E4"]);
        Assert.False(cells.ContainsKey("A5"));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.False(ownCells.ContainsKey("A3"), "a unit's people see only their own units' participants");
    }

    [Fact]
    public async Task PublicPage_AfterRegistering_ShowsPlacesTakenWithoutNames()
    {
        var course = await Site.PublishCourseAsync();
        using var visitor = Site.Factory.CreateClient();
        var before = await visitor.GetStringAsync(new Uri(course.PublicUrl, UriKind.Relative));
        using var editor = await Site.SignedInAsync(Editors(HomeAffairsUnit), "Biên tập viên đăng ký công khai");
        await editor.SubmitAsync(course.Page, course.RegisterAction, Participant(Site.UnitKey(HomeAffairsUnit), "Ksor Thị Công Khai"));

        var after = BackofficeBrowser.Text(await visitor.GetStringAsync(new Uri(course.PublicUrl, UriKind.Relative)));

        Assert.Contains("Đã đăng ký: 0 người từ 0 đơn vị", BackofficeBrowser.Text(before), StringComparison.Ordinal);
        Assert.Contains("Cấp tỉnh (sở, ban, ngành) 3 Đã đăng ký: 1 người từ 1 đơn vị", after, StringComparison.Ordinal);
        Assert.Contains("Cấp huyện (huyện, thành phố) 6 Đã đăng ký: 0 người từ 0 đơn vị", after, StringComparison.Ordinal);
        Assert.DoesNotContain("Ksor Thị Công Khai", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Training_PersonWithoutUnitOrReports_Forbidden()
    {
        var course = await Site.PublishCourseAsync();
        using var newspaper = await Site.SignedInAsync(BackofficeAccounts.Newspaper, "Phóng viên Báo Kon Tum");

        var (list, _) = await newspaper.GetAsync("/umbraco/tap-huan");
        var (page, html) = await newspaper.GetAsync(course.Page);

        Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("Không có quyền truy cập", BackofficeBrowser.Text(html), StringComparison.Ordinal);
    }
}
