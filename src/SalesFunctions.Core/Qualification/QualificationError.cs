namespace SalesFunctions.Core.Qualification;

/// <summary>A problem in a qualification configuration file; <see cref="Line"/> is 1-based.</summary>
public sealed record QualificationError(string File, int Line, string Message)
{
    public override string ToString() => $"{File}:{Line}: {Message}";
}
