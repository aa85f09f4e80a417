using System.Text.Json;
using System.Text.Json.Nodes;
using Portal.Core.Content;
using Portal.Core.Schema;

namespace Portal.Core.Tests.Content;

public sealed class ColumnPlacementsTests
{
    private static readonly DateTime Now = new(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc);

    private static string Udi(Guid key) => DocumentUdi.Format(key);

    private static bool AllLive(Guid key) => true;

    private static JsonObject Value(string alias, JsonNode? value) =>
        new() { ["alias"] = alias, ["culture"] = null, ["editorAlias"] = null, ["segment"] = null, ["value"] = value };

    /// <summary>A stored value as Umbraco 15+ writes it, blocks listed in contentData in another order than the layout.</summary>
    private static string Stored(params (Guid Element, Guid Item, JsonNode? Featured)[] blocks)
    {
        var contentData = new JsonArray();
        foreach (var block in Enumerable.Reverse(blocks))
        {
            contentData.Add(new JsonObject
            {
                ["contentTypeKey"] = ColumnPlacements.ElementTypeKey.ToString(), ["key"] = block.Element.ToString(), ["udi"] = null,
                ["values"] = new JsonArray(Value("item", Udi(block.Item)), Value("featured", block.Featured?.DeepClone())),
            });
        }

        var layout = new JsonArray(blocks.Select(b => (JsonNode)new JsonObject
        {
            ["contentKey"] = b.Element.ToString(), ["contentUdi"] = null, ["settingsKey"] = null, ["settingsUdi"] = null,
        }).ToArray());
        return new JsonObject
        {
            ["contentData"] = contentData, ["settingsData"] = new JsonArray(), ["expose"] = new JsonArray(),
            ["Layout"] = new JsonObject { ["Umbraco.BlockList"] = layout },
        }.ToJsonString();
    }

    // ---- Parse ----

    [Fact]
    public void Parse_Umbraco15Value_ReadsPlacementsInLayoutOrder()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), itemA = Guid.NewGuid(), itemB = Guid.NewGuid();

        var placements = ColumnPlacements.Parse(Stored((a, itemA, true), (b, itemB, false)));

        Assert.Equal([new ColumnPlacement(itemA, true, null, null, a), new ColumnPlacement(itemB, false, null, null, b)], placements);
    }

    [Fact]
    public void Parse_PreUmbraco15Value_ReadsUdiKeysAndDirectProperties()
    {
        Guid element = Guid.NewGuid(), item = Guid.NewGuid();
        var stored = $$"""
            {"layout":{"Umbraco.BlockList":[{"contentUdi":"umb://element/{{element:N}}"}]},
             "contentData":[{"contentTypeKey":"{{ColumnPlacements.ElementTypeKey}}","udi":"umb://element/{{element:N}}",
               "item":"{{Udi(item)}}","featured":"1","showFrom":"2026-03-01 08:00:00"}],"settingsData":[]}
            """;

        var placement = Assert.Single(ColumnPlacements.Parse(stored));

        Assert.Equal(new ColumnPlacement(item, true, new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc), null, element), placement);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("1", true)]
    [InlineData("\"1\"", true)]
    [InlineData("\"true\"", true)]
    [InlineData("false", false)]
    [InlineData("\"0\"", false)]
    [InlineData("null", false)]
    public void Parse_ToggleInEachStoredForm_ReadsFeatured(string json, bool expected)
    {
        var stored = Stored((Guid.NewGuid(), Guid.NewGuid(), JsonNode.Parse(json)));

        Assert.Equal(expected, Assert.Single(ColumnPlacements.Parse(stored)).Featured);
    }

    [Fact]
    public void Parse_DateWithOffsetOrWithout_IsUtc()
    {
        var stored = ColumnPlacements.Write([new ColumnPlacement(Guid.NewGuid())]);
        var node = JsonNode.Parse(stored)!;
        var values = node["contentData"]![0]!["values"]!.AsArray();
        values.Add(Value("showFrom", "2026-03-01 08:00:00"));
        values.Add(Value("showUntil", "2026-03-02T08:00:00+07:00"));

        var placement = Assert.Single(ColumnPlacements.Parse(node.ToJsonString()));

        Assert.Equal(new DateTime(2026, 3, 1, 8, 0, 0, DateTimeKind.Utc), placement.ShowFrom);
        Assert.Equal(new DateTime(2026, 3, 2, 1, 0, 0, DateTimeKind.Utc), placement.ShowUntil);
        Assert.Equal(DateTimeKind.Utc, placement.ShowFrom!.Value.Kind);
    }

    [Fact]
    public void Parse_BlockWithoutValidItemOrMissingFromContentData_IsSkipped()
    {
        var kept = Guid.NewGuid();
        var node = JsonNode.Parse(Stored((Guid.NewGuid(), Guid.NewGuid(), null), (Guid.NewGuid(), kept, null)))!;
        node["contentData"]![1]!["values"]![0]!["value"] = "not a document";
        node["Layout"]!["Umbraco.BlockList"]!.AsArray().Add(new JsonObject { ["contentKey"] = Guid.NewGuid().ToString() });

        var placements = ColumnPlacements.Parse(node.ToJsonString());

        Assert.Equal([kept], placements.Select(p => p.ItemKey));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("umb://document/68af8ad7612c51ff9dc82f25f6328e5d")]
    [InlineData("[1,2]")]
    [InlineData("{\"contentData\":[]}")]
    public void Parse_NotABlockList_IsEmpty(string? stored)
    {
        Assert.Empty(ColumnPlacements.Parse(stored));
    }

    // ---- Window ----

    [Fact]
    public void IsShownAt_ExactlyShowFrom_IsShown()
    {
        Assert.True(new ColumnPlacement(Guid.NewGuid(), ShowFrom: Now).IsShownAt(Now));
    }

    [Fact]
    public void IsShownAt_JustBeforeShowFrom_IsHidden()
    {
        Assert.False(new ColumnPlacement(Guid.NewGuid(), ShowFrom: Now).IsShownAt(Now.AddTicks(-1)));
    }

    [Fact]
    public void IsShownAt_ExactlyShowUntil_IsHidden()
    {
        Assert.False(new ColumnPlacement(Guid.NewGuid(), ShowUntil: Now).IsShownAt(Now));
    }

    [Fact]
    public void IsShownAt_JustBeforeShowUntil_IsShown()
    {
        Assert.True(new ColumnPlacement(Guid.NewGuid(), ShowUntil: Now).IsShownAt(Now.AddTicks(-1)));
    }

    [Fact]
    public void IsShownAt_OpenEnds_IsAlwaysShown()
    {
        var placement = new ColumnPlacement(Guid.NewGuid());

        Assert.True(placement.IsShownAt(DateTime.MinValue));
        Assert.True(placement.IsShownAt(DateTime.MaxValue));
    }

    [Fact]
    public void IsShownAt_UntilNotAfterFrom_IsNeverShown()
    {
        var placement = new ColumnPlacement(Guid.NewGuid(), ShowFrom: Now, ShowUntil: Now);

        Assert.False(placement.IsShownAt(Now));
    }

    // ---- Visible and Showcase ----

    [Fact]
    public void Visible_FeaturedAndOthersMixed_FeaturedFirstThenOthersEachInCuratedOrder()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid(), d = Guid.NewGuid();
        ColumnPlacement[] placements = [new(a), new(b, Featured: true), new(c), new(d, Featured: true)];

        var visible = ColumnPlacements.Visible(placements, Now, AllLive);

        Assert.Equal([b, d, a, c], visible.Select(p => p.ItemKey));
    }

    [Fact]
    public void Visible_ItemNotLiveOrOutsideItsWindow_IsLeftOut()
    {
        Guid live = Guid.NewGuid(), unpublished = Guid.NewGuid(), later = Guid.NewGuid(), ended = Guid.NewGuid();
        ColumnPlacement[] placements =
        [
            new(live), new(unpublished, Featured: true), new(later, ShowFrom: Now.AddHours(1)), new(ended, ShowUntil: Now),
        ];

        var visible = ColumnPlacements.Visible(placements, Now, key => key != unpublished);

        Assert.Equal([live], visible.Select(p => p.ItemKey));
    }

    [Fact]
    public void Visible_ItemPlacedTwice_ShowsOnceAndFeaturedCopyWins()
    {
        Guid item = Guid.NewGuid(), other = Guid.NewGuid();
        ColumnPlacement[] placements = [new(item), new(other), new(item, Featured: true)];

        var visible = ColumnPlacements.Visible(placements, Now, AllLive);

        Assert.Equal([(item, true), (other, false)], visible.Select(p => (p.ItemKey, p.Featured)));
    }

    [Fact]
    public void Visible_ClosedCopyOfAnItem_DoesNotHideItsOpenCopy()
    {
        var item = Guid.NewGuid();
        ColumnPlacement[] placements = [new(item, Featured: true, ShowUntil: Now), new(item, ShowFrom: Now)];

        var visible = ColumnPlacements.Visible(placements, Now, AllLive);

        Assert.Equal([(item, false)], visible.Select(p => (p.ItemKey, p.Featured)));
    }

    [Fact]
    public void Showcase_SomeFeaturedVisible_OnlyThoseInCuratedOrder()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        ColumnPlacement[] placements = [new(a), new(b, Featured: true), new(c, Featured: true)];

        Assert.Equal([b, c], ColumnPlacements.Showcase(placements, Now, AllLive).Select(p => p.ItemKey));
    }

    [Fact]
    public void Showcase_FeaturedOnlyOutsideWindow_FallsBackToEveryVisiblePlacement()
    {
        Guid a = Guid.NewGuid(), b = Guid.NewGuid(), c = Guid.NewGuid();
        ColumnPlacement[] placements = [new(a), new(b, Featured: true, ShowFrom: Now.AddDays(1)), new(c)];

        Assert.Equal([a, c], ColumnPlacements.Showcase(placements, Now, AllLive).Select(p => p.ItemKey));
    }

    // ---- Edges ----

    [Fact]
    public void NextChange_SeveralEdges_IsTheEarliestStrictlyAfterNow()
    {
        ColumnPlacement[] placements =
        [
            new(Guid.NewGuid(), ShowFrom: Now.AddHours(-2), ShowUntil: Now.AddHours(5)),
            new(Guid.NewGuid(), ShowFrom: Now, ShowUntil: Now.AddHours(3)),
        ];

        Assert.Equal(Now.AddHours(3), ColumnPlacements.NextChange(placements, Now));
        Assert.Equal(Now, ColumnPlacements.LastChange(placements, Now));
        Assert.Equal(Now.AddHours(-2), ColumnPlacements.LastChange(placements, Now.AddTicks(-1)));
    }

    [Fact]
    public void NextChange_NoWindowOrAllPassed_IsNull()
    {
        Assert.Null(ColumnPlacements.NextChange([new ColumnPlacement(Guid.NewGuid())], Now));
        Assert.Null(ColumnPlacements.NextChange([new ColumnPlacement(Guid.NewGuid(), ShowUntil: Now)], Now));
        Assert.Null(ColumnPlacements.LastChange([new ColumnPlacement(Guid.NewGuid(), ShowFrom: Now.AddTicks(1))], Now));
    }

    // ---- Write ----

    [Fact]
    public void Write_Placements_IsUmbraco15BlockListValue()
    {
        var element = Guid.NewGuid();
        var item = Guid.NewGuid();

        var stored = JsonNode.Parse(ColumnPlacements.Write([new ColumnPlacement(item, true, Now, null, element)]))!.AsObject();

        Assert.Equal(["contentData", "settingsData", "expose", "Layout"], stored.Select(p => p.Key));
        var block = stored["contentData"]![0]!;
        Assert.Equal(ColumnPlacements.ElementTypeKey.ToString(), block["contentTypeKey"]!.GetValue<string>());
        Assert.Equal(element.ToString(), block["key"]!.GetValue<string>());
        var values = block["values"]!.AsArray().ToDictionary(v => v!["alias"]!.GetValue<string>(), v => v!["value"]!.ToJsonString());
        Assert.Equal(new Dictionary<string, string>
        {
            ["item"] = $"\"{Udi(item)}\"", ["featured"] = "true", ["showFrom"] = "\"2026-03-02T01:00:00Z\"",
        }, values);
        Assert.Equal(element.ToString(), stored["expose"]![0]!["contentKey"]!.GetValue<string>());
        Assert.Equal(element.ToString(), stored["Layout"]!["Umbraco.BlockList"]![0]!["contentKey"]!.GetValue<string>());
        Assert.Null(FieldValueRules.Check(FieldEditor.BlockList, stored.ToJsonString(), null));
    }

    [Fact]
    public void WriteThenParse_AnyPlacements_GivesThemBack()
    {
        ColumnPlacement[] placements =
        [
            new(Guid.NewGuid(), true, Now, Now.AddDays(7), Guid.NewGuid()),
            new(Guid.NewGuid(), false, null, Now.AddHours(1), Guid.NewGuid()),
            new(Guid.NewGuid(), false, Now.AddMinutes(-5), null, Guid.NewGuid()),
        ];

        Assert.Equal(placements, ColumnPlacements.Parse(ColumnPlacements.Write(placements)));
    }

    [Fact]
    public void Write_ParsedValueUnchanged_GivesTheSameText()
    {
        var first = ColumnPlacements.Write([new ColumnPlacement(Guid.NewGuid(), true), new ColumnPlacement(Guid.NewGuid(), false, Now, Now.AddDays(1))]);

        var again = ColumnPlacements.Write(ColumnPlacements.Parse(first), first);

        Assert.Equal(first, again);
    }

    [Fact]
    public void Write_ReorderedWithANewItem_KeepsTheKeysOfKeptItemsAndMakesOneNewKey()
    {
        Guid itemA = Guid.NewGuid(), itemB = Guid.NewGuid(), itemC = Guid.NewGuid(), fresh = Guid.NewGuid();
        var before = ColumnPlacements.Write([new ColumnPlacement(itemA), new ColumnPlacement(itemB)]);
        var parsed = ColumnPlacements.Parse(before);

        var after = ColumnPlacements.Parse(ColumnPlacements.Write(
            [new ColumnPlacement(itemC), parsed[1] with { Featured = true }, parsed[0]], before, () => fresh));

        Assert.Equal([fresh, parsed[1].ElementKey, parsed[0].ElementKey], after.Select(p => p.ElementKey));
        Assert.True(after[1].Featured);
    }

    [Fact]
    public void Write_PlacementsWithoutKeys_TakeTheKeysTheirItemsHadBefore()
    {
        Guid itemA = Guid.NewGuid(), itemB = Guid.NewGuid();
        var before = ColumnPlacements.Write([new ColumnPlacement(itemA), new ColumnPlacement(itemB)]);
        var keys = ColumnPlacements.Parse(before).ToDictionary(p => p.ItemKey, p => p.ElementKey);

        // As a form posts them back: items and settings only, in a new order.
        var after = ColumnPlacements.Parse(ColumnPlacements.Write([new ColumnPlacement(itemB, true), new ColumnPlacement(itemA)], before));

        Assert.Equal([keys[itemB], keys[itemA]], after.Select(p => p.ElementKey));
    }

    [Fact]
    public void Write_SameKeyGivenTwice_SecondBlockGetsAKeyOfItsOwn()
    {
        var element = Guid.NewGuid();
        var item = Guid.NewGuid();
        var copy = Guid.NewGuid();

        var after = ColumnPlacements.Parse(ColumnPlacements.Write(
            [new ColumnPlacement(item, ElementKey: element), new ColumnPlacement(item, ElementKey: element)], null, () => copy));

        Assert.Equal([element, copy], after.Select(p => p.ElementKey));
    }

    [Fact]
    public void Write_WindowCleared_RemovesTheDateValues()
    {
        var before = ColumnPlacements.Write([new ColumnPlacement(Guid.NewGuid(), false, Now, Now.AddDays(1))]);
        var placement = ColumnPlacements.Parse(before)[0];

        var after = ColumnPlacements.Write([placement with { ShowFrom = null, ShowUntil = null }], before);

        Assert.DoesNotContain("showFrom", after, StringComparison.Ordinal);
        Assert.DoesNotContain("showUntil", after, StringComparison.Ordinal);
        Assert.Null(ColumnPlacements.Parse(after)[0].ShowFrom);
    }

    [Fact]
    public void Write_ElementWithOtherValuesAndSettings_KeepsThem()
    {
        var element = Guid.NewGuid();
        var settings = Guid.NewGuid();
        var node = JsonNode.Parse(ColumnPlacements.Write([new ColumnPlacement(Guid.NewGuid(), ElementKey: element)]))!;
        node["contentData"]![0]!["values"]!.AsArray().Add(Value("note", "Ghi chú của biên tập viên"));
        node["settingsData"]!.AsArray().Add(new JsonObject { ["key"] = settings.ToString(), ["values"] = new JsonArray() });
        node["Layout"]!["Umbraco.BlockList"]![0]!["settingsKey"] = settings.ToString();
        var before = node.ToJsonString();

        var after = JsonNode.Parse(ColumnPlacements.Write([ColumnPlacements.Parse(before)[0] with { Featured = true }], before))!;

        Assert.Contains(after["contentData"]![0]!["values"]!.AsArray(), v => v!["alias"]!.GetValue<string>() == "note");
        Assert.Equal(settings.ToString(), after["settingsData"]![0]!["key"]!.GetValue<string>());
        Assert.Equal(settings.ToString(), after["Layout"]!["Umbraco.BlockList"]![0]!["settingsKey"]!.GetValue<string>());
    }

    [Fact]
    public void Write_VietnameseInKeptValues_IsNotEscaped()
    {
        var node = JsonNode.Parse(ColumnPlacements.Write([new ColumnPlacement(Guid.NewGuid())]))!;
        node["contentData"]![0]!["values"]!.AsArray().Add(Value("note", "Tin nổi bật"));
        var before = node.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        var after = ColumnPlacements.Write(ColumnPlacements.Parse(before), before);

        Assert.Contains("Tin nổi bật", after, StringComparison.Ordinal);
    }
}
