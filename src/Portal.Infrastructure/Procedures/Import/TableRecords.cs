using Portal.Core.Procedures.Import;

namespace Portal.Infrastructure.Procedures.Import;

/// <summary>Turns the rows of a CSV file or worksheet (list-export columns) into records.</summary>
internal static class TableRecords
{
    // Exports often open with a title and blank lines; the header is looked for among the first rows only.
    private const int HeaderSearchRows = 10;

    public static ProcedureFileReadResult Read(IEnumerable<(int Position, IReadOnlyList<string> Cells)> rows, RecordPositionKind kind)
    {
        IReadOnlyList<string?>? keys = null;
        var searched = 0;
        var records = new List<NationalProcedureRecord>();
        foreach (var (position, cells) in rows)
        {
            if (cells.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            if (keys is null)
            {
                keys = NationalListColumns.Map(cells);
                if (keys is null && ++searched >= HeaderSearchRows)
                {
                    break;
                }

                continue;
            }

            records.Add(NationalListColumns.ToRecord(keys, cells, position, kind));
        }

        return keys is null
            ? ProcedureFileReadResult.Failed(NationalListColumns.MissingHeaderMessage)
            : ProcedureFileReadResult.Read(records);
    }
}
