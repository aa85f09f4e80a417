using Portal.Core.Procedures;

namespace Portal.Core.Tests.Procedures;

public sealed class ProcedureLifecycleTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    private static ProcedureDecisionEvent Event(string number, DateOnly effective, ProcedureChange change, string code, string? replaces = null) =>
        new(Guid.NewGuid(), number, effective, "UBND tỉnh Kon Tum", change, effective, code, replaces);

    [Fact]
    public void Compute_NoDecisions_InForceUnlessNationalStatusSaysAbolished()
    {
        Assert.Equal(ProcedureStatus.InForce, ProcedureLifecycle.Compute("1.001194", [], Today, null).Status);
        Assert.Equal(ProcedureStatus.InForce, ProcedureLifecycle.Compute("1.001194", [], Today, "Đang có hiệu lực").Status);
        Assert.Equal(ProcedureStatus.Abolished, ProcedureLifecycle.Compute("1.001194", [], Today, "Đã Bãi bỏ").Status);
    }

    [Fact]
    public void Compute_NewThenAmended_InForceWithBothInHistoryOldestFirst()
    {
        var announced = Event("10/QĐ-UBND", new DateOnly(2023, 1, 5), ProcedureChange.New, "1.001194");
        var amended = Event("20/QĐ-UBND", new DateOnly(2024, 3, 1), ProcedureChange.Amended, "1.001194");

        var state = ProcedureLifecycle.Compute("1.001194", [amended, announced, Event("30/QĐ-UBND", Today, ProcedureChange.New, "2.000001")], Today, null);

        Assert.Equal(ProcedureStatus.InForce, state.Status);
        Assert.Equal(["10/QĐ-UBND", "20/QĐ-UBND"], state.History.Select(h => h.Event.Number));
        Assert.All(state.History, h => Assert.False(h.Pending));
    }

    [Fact]
    public void Compute_Replaced_CarriesTheReplacingCode_AndTheNewCodeIsInForce()
    {
        var replace = Event("40/QĐ-UBND", new DateOnly(2025, 1, 1), ProcedureChange.Replaced, "1.009999", replaces: "1.001194");
        var events = new[] { Event("10/QĐ-UBND", new DateOnly(2023, 1, 5), ProcedureChange.New, "1.001194"), replace };

        var old = ProcedureLifecycle.Compute("1.001194", events, Today, null);
        var successor = ProcedureLifecycle.Compute("1.009999", events, Today, null);

        Assert.Equal(ProcedureStatus.Replaced, old.Status);
        Assert.Equal("1.009999", old.ReplacedByCode);
        Assert.Equal("Đã được thay thế bởi 1.009999", ProcedureLifecycle.Label(old.Status, old.ReplacedByCode));
        Assert.Equal(2, old.History.Count);
        Assert.Equal(ProcedureStatus.InForce, successor.Status);
        Assert.Single(successor.History);
    }

    [Fact]
    public void Compute_Abolished_WinsOverEarlierDecisionsAndNationalStatus()
    {
        var events = new[]
        {
            Event("10/QĐ-UBND", new DateOnly(2023, 1, 5), ProcedureChange.New, "1.001194"),
            Event("50/QĐ-UBND", new DateOnly(2025, 5, 31), ProcedureChange.Abolished, "1.001194"),
        };

        var state = ProcedureLifecycle.Compute("1.001194", events, Today, "Đang có hiệu lực");

        Assert.Equal(ProcedureStatus.Abolished, state.Status);
        Assert.Equal("Đã bãi bỏ", ProcedureLifecycle.Label(state.Status));
    }

    [Fact]
    public void Compute_FutureEffectiveDate_ListedAsPendingButStatusUnchangedUntilTheDay()
    {
        var events = new[]
        {
            Event("10/QĐ-UBND", new DateOnly(2023, 1, 5), ProcedureChange.New, "1.001194"),
            Event("60/QĐ-UBND", Today.AddDays(1), ProcedureChange.Abolished, "1.001194"),
        };

        var before = ProcedureLifecycle.Compute("1.001194", events, Today, null);
        var onTheDay = ProcedureLifecycle.Compute("1.001194", events, Today.AddDays(1), null);

        Assert.Equal(ProcedureStatus.InForce, before.Status);
        Assert.True(before.History[^1].Pending);
        Assert.Equal(ProcedureStatus.Abolished, onTheDay.Status);
        Assert.False(onTheDay.History[^1].Pending);
    }

    [Theory]
    [InlineData("Công bố mới", ProcedureChange.New)]
    [InlineData("Sửa đổi, bổ sung", ProcedureChange.Amended)]
    [InlineData("Thay thế", ProcedureChange.Replaced)]
    [InlineData("Bãi bỏ", ProcedureChange.Abolished)]
    public void TryParseChange_StoredLabels_RoundTrip(string label, ProcedureChange change)
    {
        Assert.True(ProcedureLifecycle.TryParseChange(label, out var parsed));
        Assert.Equal(change, parsed);
        Assert.Equal(label, ProcedureLifecycle.Label(change));
    }
}
