using Portal.Core.Forum;

namespace Portal.Core.Tests.Forum;

public sealed class TrackingCodeTests
{
    [Theory]
    [InlineData(2026, 123, "PAKN-2026-000123")]
    [InlineData(2026, 1, "PAKN-2026-000001")]
    [InlineData(2025, 999999, "PAKN-2025-999999")]
    public void Format_YearAndNumber_PadsWithZeros(int year, int number, string expected)
    {
        Assert.Equal(expected, TrackingCode.Format(year, number));
    }

    [Theory]
    [InlineData("PAKN-2026-000123")]
    [InlineData("pakn-2026-000123")]
    [InlineData("  PAKN-2026-000123  ")]
    [InlineData("PAKN-2026-123")]
    [InlineData("PAKN - 2026 - 123")]
    [InlineData("Pakn-2026-0000123")]
    public void Normalize_WhatPeopleType_GivesTheCanonicalCode(string typed)
    {
        Assert.Equal("PAKN-2026-000123", TrackingCode.Normalize(typed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("2026-000123")]
    [InlineData("PAKN-26-000123")]
    [InlineData("PAKN-2026-")]
    [InlineData("PAKN-2026-00012a")]
    [InlineData("HS-2026-000123")]
    public void Normalize_NotACode_IsNull(string? typed)
    {
        Assert.Null(TrackingCode.Normalize(typed));
    }
}
