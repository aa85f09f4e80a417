using Portal.Core.Programme;
using Portal.Core.Text;
using Portal.Infrastructure.Exports;

namespace Portal.Infrastructure.Programme.Training;

/// <summary>The participant list Sở Nội vụ sends to the organisers (and a unit keeps for its own people): one row per participant.</summary>
public static class TrainingParticipantList
{
    public static readonly IReadOnlyList<string> Headers =
        ["STT", "Họ và tên", "Chức vụ", "Đơn vị", "Cấp", "Điện thoại", "Email", "Ngày đăng ký"];

    /// <summary>Rows by unit name in Vietnamese order, then seat; the registration day is Vietnam time.</summary>
    public static Table Of(CourseRoster roster)
    {
        var rows = roster.Units
            .OrderBy(u => u.Unit.Name, VietnameseText.Order)
            .SelectMany(u => u.Participants.OrderBy(p => p.Seat).Select(p => (Unit: u.Unit.Name, Participant: p)))
            .Select((row, index) => (IReadOnlyList<object?>)
            [
                index + 1, row.Participant.FullName, row.Participant.Position, row.Unit, row.Participant.Level.ToVietnamese(),
                row.Participant.Phone, row.Participant.Email, DateOnly.FromDateTime(VietnamTime.FromUtc(row.Participant.RegisteredAt)),
            ])
            .ToList();
        return new Table("Danh sách học viên", Headers, rows, $"Danh sách học viên — {roster.Course.Title}");
    }
}
