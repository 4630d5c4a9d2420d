namespace SalesFunctions.Core.Json;

/// <summary>One place where a document breaks its published schema.</summary>
/// <param name="Path">Where, as <see cref="JsonLineMap"/> keys it (<c>territories[2].rules[0].priority</c>), so that it maps to a line.</param>
/// <param name="Message">What is wrong, in the words of the file's author rather than of the schema vocabulary.</param>
internal sealed record SchemaViolation(string Path, string Message);
