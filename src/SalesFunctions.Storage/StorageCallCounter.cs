using System.Collections.Concurrent;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Options;
using SalesFunctions.Core;

namespace SalesFunctions.Storage;

/// <summary>
/// Counts every HTTP request the app's Table, Queue and Blob clients send, retries included (each attempt is a billed
/// transaction), by service, operation and logical name (ADR 0024). It feeds the metric
/// <c>salesfunctions.storage.calls</c> and keeps totals in memory, which benchmarks and tests read: the kinds of call
/// are bounded by the code (a few dozen), so the totals are too.
/// </summary>
public sealed class StorageCallCounter(SalesFunctionsMetrics metrics, IOptions<StorageOptions> options)
{
    /// <summary>The HttpMessage property a caller sets (<see cref="TableBatches.SubmitAsync"/>) to name the table of an entity group transaction, whose URL does not.</summary>
    internal const string TableProperty = "salesfunctions.storage.table";

    /// <summary>The HttpMessage property <see cref="TableBatches.SubmitAsync"/> sets to the number of entities in the transaction.</summary>
    internal const string EntitiesProperty = "salesfunctions.storage.entities";

    public const string Table = "table";
    public const string Queue = "queue";
    public const string Blob = "blob";

    private readonly ConcurrentDictionary<StorageCall, long> _totals = new();
    private readonly ConcurrentDictionary<StorageCall, long> _batchEntities = new();

    private string Prefix => options.Value.Prefix;

    /// <summary>Calls of each kind since the process started.</summary>
    public IReadOnlyDictionary<StorageCall, long> Snapshot() => new Dictionary<StorageCall, long>(_totals);

    /// <summary>Calls of each kind made since <paramref name="before"/> (an earlier <see cref="Snapshot"/>); kinds with none left out.</summary>
    public IReadOnlyDictionary<StorageCall, long> Since(IReadOnlyDictionary<StorageCall, long> before) => Difference(_totals, before);

    /// <summary>Entities sent in entity group transactions, per kind of batch call, since the process started: a batch of 13 costs Azurite less than one of 100.</summary>
    public IReadOnlyDictionary<StorageCall, long> BatchEntities() => new Dictionary<StorageCall, long>(_batchEntities);

    /// <summary>Batch entities since <paramref name="before"/> (an earlier <see cref="BatchEntities"/>).</summary>
    public IReadOnlyDictionary<StorageCall, long> BatchEntitiesSince(IReadOnlyDictionary<StorageCall, long> before) => Difference(_batchEntities, before);

    /// <summary>The policy to add to one service's client options, per retry.</summary>
    public HttpPipelinePolicy PolicyFor(string service) => new CountingPolicy(this, service);

    /// <summary>What a request is, from its method and URL alone (and the table a batch names in its message properties).</summary>
    internal static StorageCall Classify(string service, HttpMessage message, string prefix)
    {
        var request = message.Request;
        var uri = request.Uri.ToUri();
        var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(Uri.UnescapeDataString).ToList();

        // Azurite and the emulators put the account in the path ("http://127.0.0.1:10002/devstoreaccount1/...").
        if (segments.Count > 0 && (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6 || uri.Host == "localhost"))
        {
            segments.RemoveAt(0);
        }

        var query = uri.Query;
        var method = request.Method.Method;
        return service switch
        {
            Table => ClassifyTable(message, segments, method, prefix),
            Queue => ClassifyQueue(segments, method, query, prefix),
            _ => ClassifyBlob(segments, method, query, prefix),
        };
    }

    private static StorageCall ClassifyTable(HttpMessage message, List<string> segments, string method, string prefix)
    {
        var first = segments.FirstOrDefault() ?? string.Empty;
        if (first == "$batch")
        {
            var table = message.TryGetProperty(TableProperty, out var named) && named is string name ? Logical(name, prefix) : "unnamed";
            return new StorageCall(Table, "batch", table);
        }

        if (first.StartsWith("Tables", StringComparison.Ordinal))
        {
            var operation = method switch { "POST" => "create table", "DELETE" => "delete table", _ => "list tables" };
            var named = first.IndexOf('\'', StringComparison.Ordinal) is var quote and >= 0 ? first[(quote + 1)..].TrimEnd(')', '\'') : string.Empty;
            return new StorageCall(Table, operation, named.Length == 0 ? "*" : Logical(named, prefix));
        }

        var paren = first.IndexOf('(', StringComparison.Ordinal);
        var tableName = Logical(paren >= 0 ? first[..paren] : first, prefix);
        var keyed = paren >= 0 && first.Length > paren + 2;
        var op = method switch
        {
            "GET" => keyed ? "read" : "query",
            // Replace or merge alike: without If-Match it is an upsert, with it an update of a row that must exist.
            "PUT" or "PATCH" or "MERGE" => message.Request.Headers.Contains("If-Match") ? "update" : "upsert",
            "POST" => "insert",
            "DELETE" => "delete",
            _ => "other",
        };
        return new StorageCall(Table, op, tableName);
    }

    private static StorageCall ClassifyQueue(List<string> segments, string method, string query, string prefix)
    {
        if (segments.Count == 0)
        {
            return new StorageCall(Queue, query.Contains("comp=list", StringComparison.Ordinal) ? "list queues" : "service", "*");
        }

        var name = Logical(segments[0], prefix);
        var op = segments.Count switch
        {
            1 => method switch
            {
                "PUT" when query.Contains("comp=metadata", StringComparison.Ordinal) => "set metadata",
                "PUT" => "create queue",
                "DELETE" => "delete queue",
                _ => "properties",
            },
            2 => method switch
            {
                "POST" => "send",
                "GET" => query.Contains("peekonly=true", StringComparison.OrdinalIgnoreCase) ? "peek" : "receive",
                "DELETE" => "clear",
                _ => "other",
            },
            _ => method switch { "DELETE" => "delete", "PUT" => "update", _ => "other" },
        };
        return new StorageCall(Queue, op, name);
    }

    private static StorageCall ClassifyBlob(List<string> segments, string method, string query, string prefix)
    {
        if (segments.Count == 0)
        {
            return new StorageCall(Blob, query.Contains("comp=list", StringComparison.Ordinal) ? "list containers" : "service", "*");
        }

        var name = Logical(segments[0], prefix);
        string op;
        if (segments.Count == 1)
        {
            op = query.Contains("comp=list", StringComparison.Ordinal) ? "list"
                : method switch { "PUT" => "create container", "DELETE" => "delete container", _ => "properties" };
        }
        else
        {
            op = query.Contains("comp=lease", StringComparison.Ordinal) ? "lease"
                : query.Contains("comp=metadata", StringComparison.Ordinal) ? "set metadata"
                : method switch { "PUT" => "upload", "GET" => "download", "HEAD" => "properties", "DELETE" => "delete", _ => "other" };
        }

        return new StorageCall(Blob, op, name);
    }

    /// <summary>
    /// The logical name: without the deployment's prefix (and its hyphen), and the monthly trace tables ("traces202612")
    /// as one, so that the metric's names stay the handful StorageNames lists.
    /// </summary>
    private static string Logical(string physical, string prefix)
    {
        var name = prefix.Length > 0 && physical.StartsWith(prefix, StringComparison.Ordinal) ? physical[prefix.Length..].TrimStart('-') : physical;
        var digits = name.Length - name.AsSpan().TrimEnd("0123456789").Length;
        return digits == 6 ? name[..^6] : name;
    }

    private static Dictionary<StorageCall, long> Difference(ConcurrentDictionary<StorageCall, long> totals, IReadOnlyDictionary<StorageCall, long> before) =>
        totals.Select(t => (t.Key, Count: t.Value - before.GetValueOrDefault(t.Key))).Where(t => t.Count > 0).ToDictionary(t => t.Key, t => t.Count);

    private void Record(StorageCall call, HttpMessage message)
    {
        var status = message.HasResponse ? message.Response.Status : (int?)null;
        _totals.AddOrUpdate(call, 1, (_, total) => total + 1);
        if (message.TryGetProperty(EntitiesProperty, out var entities) && entities is int count)
        {
            _batchEntities.AddOrUpdate(call, count, (_, total) => total + count);
        }

        metrics.StorageCalls.Add(1,
            new KeyValuePair<string, object?>("service", call.Service),
            new KeyValuePair<string, object?>("operation", call.Operation),
            new KeyValuePair<string, object?>("name", call.Name),
            new KeyValuePair<string, object?>("status_class", status is { } s ? $"{s / 100}xx" : "none"));
    }

    private sealed class CountingPolicy(StorageCallCounter counter, string service) : HttpPipelinePolicy
    {
        public override void Process(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                ProcessNext(message, pipeline);
            }
            finally
            {
                counter.Record(Classify(service, message, counter.Prefix), message);
            }
        }

        public override async ValueTask ProcessAsync(HttpMessage message, ReadOnlyMemory<HttpPipelinePolicy> pipeline)
        {
            try
            {
                await ProcessNextAsync(message, pipeline);
            }
            finally
            {
                counter.Record(Classify(service, message, counter.Prefix), message);
            }
        }
    }
}
