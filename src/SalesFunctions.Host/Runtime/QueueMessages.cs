using System.Text.Json;

namespace SalesFunctions.Host.Runtime;

/// <summary>Reads a queue message body as the Functions worker binds a POCO: JSON, case-insensitive names.</summary>
public static class QueueMessages
{
    public static T Read<T>(BinaryData body) =>
        body.ToObjectFromJson<T>(JsonSerializerOptions.Web)
        ?? throw new JsonException($"The message body is not a {typeof(T).Name}.");
}
