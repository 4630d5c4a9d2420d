namespace SalesFunctions.Core.Csv;

/// <summary>
/// Text that is not CSV, or a CSV file with invalid rows: every error with its line, so that one failed upload shows
/// everything to fix. <see cref="Line"/> and <see cref="Reason"/> are the first error's.
/// </summary>
public sealed class CsvException : Exception
{
    public CsvException(int line, string reason)
        : this([(line, reason)])
    {
    }

    public CsvException(IReadOnlyList<(int Line, string Message)> errors)
        : base(Describe(errors))
    {
        Errors = errors;
    }

    public IReadOnlyList<(int Line, string Message)> Errors { get; }

    public int Line => Errors[0].Line;

    /// <summary>What is wrong, without the line.</summary>
    public string Reason => Errors[0].Message;

    private static string Describe(IReadOnlyList<(int Line, string Message)> errors)
    {
        ArgumentOutOfRangeException.ThrowIfZero(errors.Count);
        var first = $"line {errors[0].Line}: {errors[0].Message}";
        return errors.Count == 1 ? first : $"{first} (and {errors.Count - 1} more errors)";
    }
}
