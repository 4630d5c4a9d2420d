using System.Text.Json;

namespace SalesFunctions.Core.Queues;

/// <summary>Reads a queue message body as the Functions worker binds a POCO: JSON, case-insensitive names.</summary>
public static class QueueMessages
{
    public static T Read<T>(ReadOnlyMemory<byte> body) =>
        JsonSerializer.Deserialize<T>(body.Span, JsonSerializerOptions.Web)
        ?? throw new JsonException($"The message body is not a {typeof(T).Name}.");
}
