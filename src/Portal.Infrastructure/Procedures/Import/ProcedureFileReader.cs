using System.Text;
using System.Text.Json;
using Portal.Core.Procedures.Import;

namespace Portal.Infrastructure.Procedures.Import;

/// <summary>All records of an import file, or the one reason the whole file cannot be read.</summary>
public sealed record ProcedureFileReadResult(IReadOnlyList<NationalProcedureRecord> Records, string? Error)
{
    public bool Succeeded => Error is null;

    internal static ProcedureFileReadResult Failed(string error) => new([], error);

    internal static ProcedureFileReadResult Read(IReadOnlyList<NationalProcedureRecord> records) =>
        records.Count == 0 ? Failed("Tệp không có thủ tục nào.") : new(records, null);
}

/// <summary>
/// Reads procedure import files: <c>.json</c> (an array of objects, one object, or one object per line), <c>.csv</c>
/// (RFC 4180, UTF-8 with or without BOM) and <c>.xlsx</c> (first worksheet), the last two with the national portal's list
/// export columns. A file is read whole or rejected whole, with a Vietnamese message naming the line or row at fault;
/// judging individual records is the mapper's job.
/// </summary>
public static class ProcedureFileReader
{
    private static readonly JsonDocumentOptions JsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public static async Task<ProcedureFileReadResult> ReadAsync(Stream stream, string fileName, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extension is not (".json" or ".ndjson" or ".jsonl" or ".csv" or ".xlsx"))
        {
            return ProcedureFileReadResult.Failed(extension == ".xls"
                ? "Tệp Excel 97–2003 (.xls) không được hỗ trợ; hãy lưu lại dưới dạng .xlsx."
                : $"Định dạng tệp «{(extension.Length > 0 ? extension : fileName)}» không được hỗ trợ; chỉ nhận tệp .json, .csv hoặc .xlsx.");
        }

        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length == 0)
        {
            return ProcedureFileReadResult.Failed("Tệp rỗng.");
        }

        buffer.Position = 0;
        if (extension == ".xlsx")
        {
            return XlsxRecordReader.Read(buffer);
        }

        string text;
        try
        {
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (DecoderFallbackException)
        {
            return ProcedureFileReadResult.Failed("Tệp không phải văn bản UTF-8; hãy lưu lại với bảng mã UTF-8.");
        }

        text = text.TrimStart('\uFEFF');
        if (string.IsNullOrWhiteSpace(text))
        {
            return ProcedureFileReadResult.Failed("Tệp rỗng.");
        }

        return extension == ".csv" ? CsvRecordReader.Read(text) : ReadJson(text);
    }

    private static ProcedureFileReadResult ReadJson(string text)
    {
        var start = text.TrimStart();
        if (start.StartsWith('['))
        {
            return ReadJsonArray(text);
        }

        if (!start.StartsWith('{'))
        {
            return ProcedureFileReadResult.Failed("Tệp JSON phải là một mảng các đối tượng, hoặc mỗi dòng một đối tượng.");
        }

        // One object spread over several lines, or one object per line (NDJSON): a single value parses as a whole.
        try
        {
            using var single = JsonDocument.Parse(text, JsonOptions);
            return ProcedureFileReadResult.Read([NationalJson.ToRecord(single.RootElement, 1, RecordPositionKind.Record)!]);
        }
        catch (JsonException whole)
        {
            var firstLine = start.Split('\n', 2)[0].Trim();
            return firstLine == "{" ? Invalid(whole) : ReadJsonLines(text);
        }
    }

    private static ProcedureFileReadResult ReadJsonArray(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text, JsonOptions);
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                return ProcedureFileReadResult.Failed("Tệp JSON phải là một mảng các đối tượng.");
            }

            var records = new List<NationalProcedureRecord>(document.RootElement.GetArrayLength());
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                index++;
                if (NationalJson.ToRecord(element, index, RecordPositionKind.Record) is not { } record)
                {
                    return ProcedureFileReadResult.Failed($"Phần tử thứ {index} của mảng không phải là một đối tượng JSON.");
                }

                records.Add(record);
            }

            return ProcedureFileReadResult.Read(records);
        }
        catch (JsonException error)
        {
            return Invalid(error);
        }
    }

    private static ProcedureFileReadResult ReadJsonLines(string text)
    {
        var records = new List<NationalProcedureRecord>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(lines[i], JsonOptions);
                if (NationalJson.ToRecord(document.RootElement, i + 1, RecordPositionKind.Line) is not { } record)
                {
                    return ProcedureFileReadResult.Failed($"Dòng {i + 1} không phải là một đối tượng JSON.");
                }

                records.Add(record);
            }
            catch (JsonException)
            {
                return ProcedureFileReadResult.Failed($"Tệp JSON không hợp lệ ở dòng {i + 1}: mỗi dòng phải là một đối tượng JSON đầy đủ.");
            }
        }

        return ProcedureFileReadResult.Read(records);
    }

    private static ProcedureFileReadResult Invalid(JsonException error) =>
        ProcedureFileReadResult.Failed(error.LineNumber is { } line
            ? $"Tệp JSON không hợp lệ ở dòng {line + 1}, cột {(error.BytePositionInLine ?? 0) + 1}."
            : "Tệp JSON không hợp lệ.");
}
