using System.Globalization;
using System.Text.Json;

namespace SalesFunctions.Host.Runtime;

/// <summary>
/// Reads the Functions app's host.json so that the Host applies the same trigger settings: one file, two hosts.
/// Unknown or absent settings keep the Functions defaults.
/// </summary>
public sealed record HostJson(string RoutePrefix, QueueSettings Queues, TimeSpan FunctionTimeout)
{
    public static HostJson Load(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var root = document.RootElement;
        var extensions = Property(root, "extensions");
        var http = extensions is { } e ? Property(e, "http") : null;
        var queues = extensions is { } q ? Property(q, "queues") : null;
        var defaults = new QueueSettings();
        var settings = queues is not { } qs ? defaults : new QueueSettings
        {
            BatchSize = Int(qs, "batchSize") ?? defaults.BatchSize,
            NewBatchThreshold = Int(qs, "newBatchThreshold"),
            MaxPollingInterval = Time(qs, "maxPollingInterval") ?? defaults.MaxPollingInterval,
            VisibilityTimeout = Time(qs, "visibilityTimeout") ?? defaults.VisibilityTimeout,
            MaxDequeueCount = Int(qs, "maxDequeueCount") ?? defaults.MaxDequeueCount,
            MessageEncoding = Text(qs, "messageEncoding") ?? defaults.MessageEncoding,
        };
        Validate(settings, path);
        return new HostJson(
            http is { } h ? Text(h, "routePrefix") ?? "api" : "api",
            settings,
            Time(root, "functionTimeout") ?? TimeSpan.FromMinutes(30));
    }

    private static void Validate(QueueSettings settings, string path)
    {
        if (settings.BatchSize is < 1 or > 32 || settings.MaxDequeueCount < 1 || settings.MaxPollingInterval < TimeSpan.FromMilliseconds(100)
            || !string.Equals(settings.MessageEncoding, "base64", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException(
                $"{path}: extensions.queues needs batchSize 1-32, maxDequeueCount >= 1, maxPollingInterval >= 100 ms and messageEncoding base64 (what our producers write).");
        }
    }

    // host.json keys are case-insensitive in the Functions host.
    private static JsonElement? Property(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object
            ? element.EnumerateObject().Where(p => p.NameEquals(name) || string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                .Select(p => (JsonElement?)p.Value).FirstOrDefault()
            : null;

    private static int? Int(JsonElement element, string name) => Property(element, name) is { ValueKind: JsonValueKind.Number } v ? v.GetInt32() : null;

    private static string? Text(JsonElement element, string name) => Property(element, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;

    private static TimeSpan? Time(JsonElement element, string name) =>
        Text(element, name) is { } text ? TimeSpan.Parse(text, CultureInfo.InvariantCulture) : null;
}
