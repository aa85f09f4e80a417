using Portal.Core.Access;
using Portal.Core.Programme;

namespace Portal.Core.Tests.Programme;

public sealed class TrainingRegistrationTests
{
    private static readonly DateTime Now = new(2026, 5, 10, 2, 0, 0, DateTimeKind.Utc);
    private static readonly Actor Editor = Actor.System("bien-tap-vien");

    private sealed class Unit(UnitLevel? level, TrainingQuota? quota = null, DateOnly? end = null)
    {
        public Guid Course { get; } = Guid.NewGuid();
        public Guid Key { get; } = Guid.NewGuid();
        public List<TrainingRegistration> Taken { get; } = [];

        public (ProgrammeOperationStatus Status, TrainingRegistration? Registration) Register(string? name, DateTime? at = null)
        {
            var result = TrainingRegistration.Register(Course, quota ?? TrainingQuota.Plan, end, Key, "Sở Nội vụ", level, name, "Chuyên viên",
                "0260 3862 123", "chuyenvien@kontum.gov.vn", Taken, Editor, at ?? Now);
            if (result.Registration is { } registration)
            {
                Taken.Add(registration);
            }

            return result;
        }

        public void Fill(int count)
        {
            for (var i = 1; i <= count; i++)
            {
                Assert.Equal(ProgrammeOperationStatus.Success, Register($"Nguyễn Văn Học {i}").Status);
            }
        }
    }

    [Theory]
    [InlineData(UnitLevel.Provincial, 3)]
    [InlineData(UnitLevel.District, 6)]
    [InlineData(UnitLevel.Commune, 2)]
    public void Register_PlanQuotaReached_NextIsRefusedQuotaFull(UnitLevel level, int quota)
    {
        var unit = new Unit(level);
        unit.Fill(quota);

        var (status, registration) = unit.Register("Người vượt chỉ tiêu");

        Assert.Equal(ProgrammeOperationStatus.QuotaFull, status);
        Assert.Null(registration);
        Assert.Equal(Enumerable.Range(1, quota), unit.Taken.Select(t => t.Seat).Order());
    }

    [Fact]
    public void Register_CourseOwnQuota_OverridesThePlan()
    {
        var unit = new Unit(UnitLevel.District, TrainingQuota.FromFields(null, 2, null));
        unit.Fill(2);

        Assert.Equal(ProgrammeOperationStatus.QuotaFull, unit.Register("Người thứ ba").Status);
        Assert.Equal(3, TrainingQuota.FromFields(null, 2, null).Provincial);
    }

    [Fact]
    public void Register_CourseRaisesQuota_MoreThanThePlanAccepted()
    {
        var unit = new Unit(UnitLevel.Commune, TrainingQuota.FromFields(null, null, 4));

        unit.Fill(4);

        Assert.Equal(ProgrammeOperationStatus.QuotaFull, unit.Register("Người thứ năm").Status);
    }

    [Fact]
    public void Register_LevelQuotaZero_LevelNotInvited()
    {
        var unit = new Unit(UnitLevel.Commune, TrainingQuota.FromFields(3, 6, 0));

        Assert.Equal(ProgrammeOperationStatus.LevelNotInvited, unit.Register("Trần Thị Xã").Status);
        Assert.Empty(unit.Taken);
    }

    [Fact]
    public void Register_UnitWithoutLevel_UnitLevelUnknown()
    {
        var unit = new Unit(null);

        Assert.Equal(ProgrammeOperationStatus.UnitLevelUnknown, unit.Register("Lê Văn Chưa Rõ").Status);
    }

    [Fact]
    public void Register_SameNameTwiceInTheUnit_DuplicateParticipant()
    {
        var unit = new Unit(UnitLevel.Provincial);
        unit.Register("Phạm Thị Lan");

        Assert.Equal(ProgrammeOperationStatus.DuplicateParticipant, unit.Register("  phạm thị   LAN ").Status);
        Assert.Single(unit.Taken);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Register_NoName_NameRequired(string? name)
    {
        var unit = new Unit(UnitLevel.Provincial);

        Assert.Equal(ProgrammeOperationStatus.NameRequired, unit.Register(name).Status);
    }

    [Fact]
    public void Register_AfterAWithdrawal_TakesTheFreedSeat()
    {
        var unit = new Unit(UnitLevel.Provincial);
        unit.Fill(3);
        unit.Taken.RemoveAll(t => t.Seat == 2);

        var (status, registration) = unit.Register("Đỗ Văn Thay Thế");

        Assert.Equal(ProgrammeOperationStatus.Success, status);
        Assert.Equal(2, registration!.Seat);
        Assert.Equal(ProgrammeOperationStatus.QuotaFull, unit.Register("Người thứ tư").Status);
    }

    [Fact]
    public void Register_OnTheLastDayVietnamTime_Accepted()
    {
        var unit = new Unit(UnitLevel.Provincial, end: new DateOnly(2026, 5, 10));

        // 16:30 UTC on 10 May is 23:30 in Kon Tum: still the last day of the course.
        Assert.Equal(ProgrammeOperationStatus.Success, unit.Register("Vũ Thị Kịp", new DateTime(2026, 5, 10, 16, 30, 0, DateTimeKind.Utc)).Status);
    }

    [Fact]
    public void Register_AfterTheCourseEnded_CourseEnded()
    {
        var unit = new Unit(UnitLevel.Provincial, end: new DateOnly(2026, 5, 10));

        // 17:30 UTC on 10 May is already 11 May in Kon Tum.
        var (status, registration) = unit.Register("Vũ Thị Muộn", new DateTime(2026, 5, 10, 17, 30, 0, DateTimeKind.Utc));

        Assert.Equal(ProgrammeOperationStatus.CourseEnded, status);
        Assert.Null(registration);
    }

    [Fact]
    public void Register_Success_KeepsCleanedTextLevelAndWho()
    {
        var unit = new Unit(UnitLevel.District);

        var (_, registration) = unit.Register("  Hoàng   Văn  Nam ");

        Assert.Equal("Hoàng Văn Nam", registration!.FullName);
        Assert.Equal(UnitLevel.District, registration.Level);
        Assert.Equal(1, registration.Seat);
        Assert.Equal("bien-tap-vien", registration.RegisteredBy);
        Assert.Equal(Now, registration.RegisteredAt);
    }

    [Theory]
    [InlineData("Sở, ban, ngành", UnitLevel.Provincial)]
    [InlineData("[\"Huyện, thành phố\"]", UnitLevel.District)]
    [InlineData("Xã, phường, thị trấn", UnitLevel.Commune)]
    public void FromKind_UnitPageChoice_Level(string kind, UnitLevel expected) => Assert.Equal(expected, UnitLevels.FromKind(kind));
}
