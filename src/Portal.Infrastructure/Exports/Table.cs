namespace Portal.Infrastructure.Exports;

/// <summary>
/// A table to export: a sheet of an XLSX workbook, or a CSV file. Cells are strings, whole numbers, decimals, dates
/// (<see cref="DateOnly"/>, written dd/MM/yyyy as Vietnamese readers expect) or null (an empty cell).
/// </summary>
/// <param name="Name">The sheet's name (Excel keeps 31 characters and refuses <c>[]:*?/\</c>; both are handled here).</param>
/// <param name="Title">An optional first line above the headers, e.g. the report's name and period.</param>
public sealed record Table(string Name, IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<object?>> Rows, string? Title = null);
