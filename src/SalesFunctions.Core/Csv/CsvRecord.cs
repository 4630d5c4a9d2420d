namespace SalesFunctions.Core.Csv;

/// <summary>One CSV record and the line it starts on (1-based; a quoted line break makes a record span lines).</summary>
public sealed record CsvRecord(int Line, IReadOnlyList<string> Fields);
