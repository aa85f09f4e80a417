using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Portal.Core.Access;
using Portal.Core.Programme;
using Portal.Core.Workflow;
using Portal.Data;
using Portal.Infrastructure.Programme.Training;
using Portal.Infrastructure.PublishedCache;
using Portal.Web.Tests.Features.SignIn;

namespace Portal.Web.Tests.Features.Backoffice.Training;

/// <summary>One host for the training pages' tests; each test publishes its own course, so their registrations never meet.</summary>
public sealed class TrainingSiteFixture : IAsyncLifetime
{
    internal BackofficeSite Site { get; private set; } = null!;

    public async Task InitializeAsync() => Site = await BackofficeSite.StartAsync([]);

    public async Task DisposeAsync() => await Site.DisposeAsync();
}

/// <summary>A published course, with its backoffice and public addresses.</summary>
internal sealed record TestCourse(Guid Key, string Title, string PublicUrl)
{
    public string Page => $"/umbraco/tap-huan/{Key}";

    public string RegisterAction => Page + "/dang-ky";
}

internal static partial class TrainingTestKit
{
    public const string HomeAffairs = "homeAffairs";
    public const string HomeAffairsUnit = "so-noi-vu";
    public const string ScienceUnit = "so-khoa-hoc-va-cong-nghe";
    public const string DistrictUnit = "huyen-dak-ha";

    private static readonly Actor Tester = Actor.System("kiem-thu");

    public static string Editors(string unit) => $"unit-{unit}-editors";

    /// <summary>A course page under the CCHC column, published, by default ending a month from now.</summary>
    public static async Task<TestCourse> PublishCourseAsync(this BackofficeSite site, string? quotaProvincial = "3", int endsInDays = 30)
    {
        var title = $"Tập huấn kỹ năng một cửa {Guid.NewGuid():N}"[..40];
        var tree = site.Services.GetRequiredService<PublishedRouteTree>();
        var today = DateTime.UtcNow.AddHours(7).Date;
        var values = new Dictionary<string, string>
        {
            ["title"] = title,
            ["topic"] = "Kỹ năng tiếp nhận hồ sơ và trả kết quả giải quyết thủ tục hành chính.",
            ["startDate"] = today.AddDays(endsInDays - 10).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            ["endDate"] = today.AddDays(endsInDays).ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
            ["place"] = "Hội trường Sở Nội vụ",
            ["organiser"] = "Sở Nội vụ",
        };
        if (quotaProvincial is not null)
        {
            values["quotaProvincial"] = quotaProvincial;
        }

        var created = await site.Services.GetRequiredService<ContentEditing>().CreateAsync("trainingCourse", tree.Resolve("chuyen-trang-cchc")!.Key,
            title, values, Tester);
        Assert.True(created.Succeeded, $"{created.Status} {string.Join("; ", created.Errors?.Select(e => e.ToString()) ?? [])}");
        var key = created.DocumentKey!.Value;
        var published = await site.Services.GetRequiredService<ContentPublishing>().PublishAsync(key, Tester);
        Assert.True(published.Succeeded, published.Status.ToString());
        return new TestCourse(key, title, tree.UrlOf(key)!);
    }

    public static Guid UnitKey(this BackofficeSite site, string segment)
    {
        var tree = site.Services.GetRequiredService<PublishedRouteTree>();
        return tree.ChildrenOf(tree.Resolve("don-vi")!.Key)
            .Single(n => tree.UrlOf(n.Key)!.TrimEnd('/').EndsWith("/" + segment, StringComparison.Ordinal)).Key;
    }

    public static async Task<string> UnitNameAsync(this BackofficeSite site, string segment)
    {
        var key = site.UnitKey(segment);
        return (await site.Services.GetRequiredService<TrainingDesk>().UnitsAsync(null, CancellationToken.None)).Single(u => u.Key == key).Name;
    }

    public static Dictionary<string, string> Participant(Guid unit, string name) => new()
    {
        ["don-vi"] = unit.ToString(),
        ["ho-ten"] = name,
        ["chuc-vu"] = "Chuyên viên",
        ["dien-thoai"] = "0260 3862 456",
        ["email"] = "hocvien@kontum.gov.vn",
    };

    public static async Task<List<TrainingRegistration>> RegistrationsAsync(this BackofficeSite site, Guid course)
    {
        var contexts = site.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        return await db.TrainingRegistrations.AsNoTracking().Where(r => r.CourseKey == course).OrderBy(r => r.FullName).ToListAsync();
    }

    /// <summary>A participant registered while the course was open (before its end), straight through Core and the store.</summary>
    public static async Task<TrainingRegistration> RegisteredEarlierAsync(this BackofficeSite site, TestCourse course, string unitSegment, string name)
    {
        var (status, registration) = TrainingRegistration.Register(course.Key, TrainingQuota.Plan, null, site.UnitKey(unitSegment),
            await site.UnitNameAsync(unitSegment), UnitLevel.Provincial, name, null, null, null, [], Tester, DateTime.UtcNow.AddDays(-20));
        Assert.Equal(ProgrammeOperationStatus.Success, status);
        var contexts = site.Services.GetRequiredService<IDbContextFactory<PortalDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        db.TrainingRegistrations.Add(registration!);
        await db.SaveChangesAsync();
        return registration!;
    }

    /// <summary>The value of the input with this id, as a browser would show it.</summary>
    public static string InputValue(string html, string id)
    {
        var input = Regex.Match(html, $"<input id=\"{Regex.Escape(id)}\"[^>]*>", RegexOptions.Singleline);
        Assert.True(input.Success, $"no input {id}");
        var value = Regex.Match(input.Value, "value=\"([^\"]*)\"");
        return value.Success ? System.Net.WebUtility.HtmlDecode(value.Groups[1].Value) : string.Empty;
    }

    /// <summary>Every non-empty cell of the workbook's first sheet, by reference (A1, B3, …), as text.</summary>
    public static Dictionary<string, string> Cells(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        using var document = SpreadsheetDocument.Open(stream, false);
        var part = document.WorkbookPart!;
        var sheet = part.Workbook.Descendants<Sheet>().First();
        var worksheet = ((WorksheetPart)part.GetPartById(sheet.Id!)).Worksheet;
        return worksheet.Descendants<Cell>().ToDictionary(c => c.CellReference!.Value!,
            c => c.DataType?.Value == CellValues.InlineString ? c.InlineString!.InnerText : c.CellValue?.Text ?? string.Empty, StringComparer.Ordinal);
    }
}
