namespace SalesFunctions.Core.Json;

/// <summary>One property of a JSON document: the path of the object it is in (<c>territories[3].rules[0]</c>), its name and its 1-based line.</summary>
internal readonly record struct JsonPropertyLine(string ParentPath, string Name, int Line);
