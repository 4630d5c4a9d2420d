namespace SalesFunctions.Core.Csv;

/// <summary>Text that is not CSV, at a line.</summary>
public sealed class CsvException(int line, string reason) : Exception($"line {line}: {reason}")
{
    public int Line { get; } = line;

    /// <summary>What is wrong, without the line.</summary>
    public string Reason { get; } = reason;
}
