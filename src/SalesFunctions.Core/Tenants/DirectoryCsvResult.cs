namespace SalesFunctions.Core.Tenants;

/// <summary>What a directory CSV held, and every error with its line; a file with errors must import nothing.</summary>
public sealed record DirectoryCsvResult<T>(IReadOnlyList<T> Items, IReadOnlyList<(int Line, string Message)> Errors);
