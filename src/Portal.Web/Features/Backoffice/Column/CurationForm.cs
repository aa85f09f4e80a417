using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Portal.Core.Content;
using Portal.Core.Text;

using Portal.Web.Features.Backoffice.Shell;

namespace Portal.Web.Features.Backoffice.Column;

/// <summary>The curation form: one row per placement, in the order shown (drag or the step buttons change it).</summary>
public sealed class CurationForm
{
    [FromForm(Name = "muc")] public List<Guid> Items { get; set; } = [];
    [FromForm(Name = "noi-bat")] public List<Guid> Featured { get; set; } = [];
    [FromForm(Name = "tu")] public List<string?> From { get; set; } = [];
    [FromForm(Name = "den")] public List<string?> Until { get; set; } = [];
    [FromForm(Name = "buoc")] public string? Step { get; set; }
    [FromForm(Name = "thao-tac")] public string? Then { get; set; }
    [FromForm(Name = "phien-ban")] public int? Version { get; set; }
    [FromForm(Name = "q")] public string? Query { get; set; }

    /// <summary>The placements as posted; false with a Vietnamese message when a date cannot be read or a window ends before it starts.</summary>
    internal bool TryRead(out List<ColumnPlacement> placements, out string? error)
    {
        placements = [];
        error = null;
        for (var i = 0; i < Items.Count; i++)
        {
            if (!LocalTimeInput.TryRead(From.ElementAtOrDefault(i), out var from) || !LocalTimeInput.TryRead(Until.ElementAtOrDefault(i), out var until))
            {
                error = $"Thời gian hiển thị của mục {i + 1} không hợp lệ.";
                return false;
            }

            if (from is { } f && until is { } u && u <= f)
            {
                error = $"Mục {i + 1}: thời điểm kết thúc hiển thị phải sau thời điểm bắt đầu.";
                return false;
            }

            placements.Add(new ColumnPlacement(Items[i], Featured.Contains(Items[i]), from, until));
        }

        return true;
    }

    /// <summary>What was posted, without its dates, to show the form again beside an error.</summary>
    internal List<ColumnPlacement> Unchecked() => Items.Select(i => new ColumnPlacement(i, Featured.Contains(i))).ToList();
}

/// <summary>One step of curation without a mouse: add an article, remove a row, or move a row up or down.</summary>
internal static class CurationSteps
{
    public static void Apply(List<ColumnPlacement> placements, string? step)
    {
        var parts = step?.Split(':');
        if (parts is not { Length: 2 })
        {
            return;
        }

        if (parts[0] == "them" && Guid.TryParse(parts[1], out var added))
        {
            if (placements.All(p => p.ItemKey != added))
            {
                placements.Add(new ColumnPlacement(added));
            }

            return;
        }

        if (!int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index < 0 || index >= placements.Count)
        {
            return;
        }

        var other = parts[0] switch { "len" => index - 1, "xuong" => index + 1, _ => -1 };
        if (parts[0] == "xoa")
        {
            placements.RemoveAt(index);
        }
        else if (other >= 0 && other < placements.Count)
        {
            (placements[index], placements[other]) = (placements[other], placements[index]);
        }
    }
}
