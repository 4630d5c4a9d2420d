namespace SalesFunctions.Core.Csv;

/// <summary>Text that is not CSV, at a line.</summary>
public sealed class CsvException(int line, string message) : Exception($"line {line}: {message}")
{
    public int Line { get; } = line;
}
