using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using SalesFunctions.Core.Telemetry;

namespace SalesFunctions.Core.Queues;

/// <summary>
/// W3C trace context in queue messages: the sender's span travels as the JSON properties "traceparent" and
/// "tracestate" of the message (the Functions POCO binding ignores properties it does not know), and the consumer's span
/// continues that trace. Storage queues carry no metadata of their own, so the body is the only place it fits.
/// </summary>
public static class QueueMessageTrace
{
    public const string TraceParent = "traceparent";

    public const string TraceState = "tracestate";

    /// <summary>The message as UTF-8 JSON with the current span's context, when there is one.</summary>
    public static byte[] Serialize<T>(T message)
    {
        if (Activity.Current is not { IdFormat: ActivityIdFormat.W3C } current
            || JsonSerializer.SerializeToNode(message, JsonSerializerOptions.Web) is not JsonObject json)
        {
            return JsonSerializer.SerializeToUtf8Bytes(message, JsonSerializerOptions.Web);
        }

        json[TraceParent] = current.Id;
        if (current.TraceStateString is { Length: > 0 } state)
        {
            json[TraceState] = state;
        }

        return JsonSerializer.SerializeToUtf8Bytes(json, JsonSerializerOptions.Web);
    }

    /// <summary>
    /// The message under a send span of its own, a child of the sender's span: a batch fans out into items (a
    /// notification's items, a delta page's activities), and each item is one branch of the sender's trace from here on,
    /// so that a rollup's link to one item's score step points at the branch of that item.
    /// </summary>
    public static byte[] SerializeOnItsOwnBranch<T>(string queueName, T message)
    {
        var sender = Activity.Current;
        try
        {
            using var send = SalesFunctionsTracing.Source.StartActivity($"{queueName} send", ActivityKind.Producer, default(ActivityContext),
                [new(SalesFunctionsTracing.QueueTag, queueName)]);
            return Serialize(message);
        }
        finally
        {
            Activity.Current = sender;
        }
    }

    /// <summary>The sender's span context in a message body; default when it carries none or one that does not parse.</summary>
    public static ActivityContext ParentOf(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(TraceParent, out var parent) && parent.ValueKind == JsonValueKind.String)
            {
                var state = document.RootElement.TryGetProperty(TraceState, out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
                return ActivityContext.TryParse(parent.GetString(), state, isRemote: true, out var context) ? context : default;
            }
        }
        catch (JsonException)
        {
            // Not JSON: the trigger's own reading refuses it; the span starts a trace of its own.
        }

        return default;
    }

    /// <summary>
    /// The consumer span of one invocation of a queue function, a child of the span that sent the message. A host's own
    /// invocation span (the Functions worker's), if any, is linked.
    /// </summary>
    public static Activity? StartProcessing(string function, string queueName, ReadOnlyMemory<byte> body)
    {
        var invocation = Activity.Current;
        return SalesFunctionsTracing.Source.StartActivity(function, ActivityKind.Consumer, ParentOf(body),
            [new(SalesFunctionsTracing.StepTag, function), new(SalesFunctionsTracing.QueueTag, queueName)],
            invocation is null ? null : [new ActivityLink(invocation.Context)]);
    }
}
