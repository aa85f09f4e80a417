namespace Portal.Core.Procedures.Import;

/// <summary>
/// One field of a national-portal record as the file held it: scraped or typed text, a list of strings, or a table
/// (rows of column → cell). Exactly one of <see cref="Text"/>, <see cref="Items"/>, <see cref="Rows"/> is set.
/// </summary>
public sealed class NationalValue
{
    private NationalValue(string? text, IReadOnlyList<string>? items, IReadOnlyList<IReadOnlyDictionary<string, string>>? rows)
    {
        Text = text;
        Items = items;
        Rows = rows;
    }

    public string? Text { get; }

    public IReadOnlyList<string>? Items { get; }

    public IReadOnlyList<IReadOnlyDictionary<string, string>>? Rows { get; }

    public static NationalValue FromText(string text) => new(text, null, null);

    public static NationalValue FromItems(IReadOnlyList<string> items) => new(null, items, null);

    public static NationalValue FromRows(IReadOnlyList<IReadOnlyDictionary<string, string>> rows) => new(null, null, rows);
}

/// <summary>How a record's <see cref="NationalProcedureRecord.Position"/> counts: array element, text line, or spreadsheet row.</summary>
public enum RecordPositionKind
{
    Record,
    Line,
    Row,
}

/// <summary>
/// One procedure as read from an import file, before any interpretation: fields keyed by national key
/// (<see cref="NationalKeys"/>). A key that is present with an empty value means the file clears that field;
/// a key that is absent means the file says nothing about it.
/// </summary>
public sealed class NationalProcedureRecord(int position, RecordPositionKind positionKind, IReadOnlyDictionary<string, NationalValue> fields)
{
    /// <summary>1-based: the element of a JSON array, the line of an NDJSON or CSV file, the row of a worksheet.</summary>
    public int Position { get; } = position;

    public RecordPositionKind PositionKind { get; } = positionKind;

    public IReadOnlyDictionary<string, NationalValue> Fields { get; } = fields;

    /// <summary>Where the record is, for messages: "dòng 12", "bản ghi thứ 3".</summary>
    public string PositionLabel => PositionKind switch
    {
        RecordPositionKind.Line => $"dòng {Position}",
        RecordPositionKind.Row => $"dòng {Position} của bảng tính",
        _ => $"bản ghi thứ {Position}",
    };

    public NationalValue? Find(string key) => Fields.TryGetValue(key, out var value) ? value : null;
}
