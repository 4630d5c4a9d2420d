namespace SalesFunctions.Core.Json;

/// <summary>A configuration file read by <see cref="SchemaCheckedJson"/>.</summary>
/// <param name="Value">The deserialized document; null when it could not be read at all.</param>
/// <param name="Lines">Where each path stands, for the checks in code; null when the file is not JSON.</param>
/// <param name="Errors">Syntax and schema errors, each with its 1-based line.</param>
internal sealed record CheckedDocument<T>(T? Value, JsonLineMap? Lines, IReadOnlyList<(int Line, string Message)> Errors)
    where T : class;
