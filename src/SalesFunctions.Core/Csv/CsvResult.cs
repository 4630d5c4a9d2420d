namespace SalesFunctions.Core.Csv;

/// <summary>What a CSV file held, and every error with its line; a file with errors must import nothing.</summary>
public sealed record CsvResult<T>(IReadOnlyList<T> Items, IReadOnlyList<(int Line, string Message)> Errors);
