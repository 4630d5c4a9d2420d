using System.Diagnostics;
using System.Globalization;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using SalesFunctions.Storage;

namespace SalesFunctions.Benchmarks;

/// <summary>
/// What the Azurite of this run can do: the calls per second of each storage operation the measured paths use, each at
/// 1, 4, 16 and 64 calls in flight, measured in the same run and against the same Azurite as the benchmark (issue 27).
/// The best point of each curve is that operation's rate; a path's ceiling is the rate at which Azurite could serve the
/// path's own mix of calls per item (<see cref="CeilingPerSecond"/>). Storage Queues have no batched send
/// (Azure.Storage.Queues sends one message per request), so "batched" sending is the 64-in-flight point of the send curve.
/// </summary>
internal sealed class StorageBaseline
{
    public static readonly int[] InFlight = [1, 4, 16, 64];

    private const int QueueBodyBytes = 600;
    private const int EntityBytes = 400;
    private const int BlobBytes = 2048;
    private const int QueryPartitions = 10;
    private const int QueryPartitionRows = 100;

    private StorageBaseline(IReadOnlyDictionary<StorageOperation, IReadOnlyList<double>> curves) => Curves = curves;

    /// <summary>Calls per second of each operation at each point of <see cref="InFlight"/>.</summary>
    public IReadOnlyDictionary<StorageOperation, IReadOnlyList<double>> Curves { get; }

    /// <summary>The best rate of an operation over its curve, calls per second.</summary>
    public double Best(StorageOperation operation) => Curves[operation].Max();

    /// <summary>The baseline operation a counted call is served at: the closest the baseline measures.</summary>
    public static StorageOperation OperationOf(StorageCall call) => (call.Service, call.Operation) switch
    {
        (StorageCallCounter.Queue, "receive" or "delete" or "update" or "peek" or "clear") => StorageOperation.QueueReceiveDelete,
        (StorageCallCounter.Queue, _) => StorageOperation.QueueSend,
        (StorageCallCounter.Table, "read") => StorageOperation.TablePointRead,
        (StorageCallCounter.Table, "query" or "list tables") => StorageOperation.TableQueryPage,
        (StorageCallCounter.Table, "batch") => StorageOperation.TableTransaction100,
        (StorageCallCounter.Table, _) => StorageOperation.TableUpsert,
        (_, "download" or "properties" or "list") => StorageOperation.BlobRead,
        _ => StorageOperation.BlobUpload,
    };

    /// <summary>
    /// Items per second Azurite could serve if it did nothing but the path's calls, each operation at its best rate:
    /// 1 / Σ (calls per item of the operation / its best calls per second), a transaction of n entities as n/100 of one.
    /// The times add rather than overlap because the three Azurite processes and the pipeline share this machine's
    /// cores, and each rate was measured with them all.
    /// </summary>
    public double CeilingPerSecond(PathCalls path) => path.Items / path.Calls.Sum(c => Weight(c.Key, c.Value, path) / Best(OperationOf(c.Key)));

    /// <summary>A path's transactions count by their entities, in hundreds: the baseline's are of 100.</summary>
    private static double Weight(StorageCall call, long count, PathCalls path) =>
        OperationOf(call) == StorageOperation.TableTransaction100 && path.BatchEntities?.GetValueOrDefault(call) is > 0 and var entities
            ? entities / 100d
            : count;

    /// <summary>Measures the given operations (all by default), each point for <paramref name="perPoint"/>, on throwaway names.</summary>
    public static async Task<StorageBaseline> MeasureAsync(string connectionString, TimeSpan perPoint, Action<string> progress, IReadOnlyCollection<StorageOperation>? only = null)
    {
        var suffix = Guid.NewGuid().ToString("N")[..8];
        var queue = new QueueClient(connectionString, "baseline-" + suffix, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 });
        var table = new TableClient(connectionString, "baseline" + suffix);
        var container = new BlobContainerClient(connectionString, "baseline-" + suffix);
        await Task.WhenAll(queue.CreateAsync(), table.CreateAsync(), container.CreateAsync());
        try
        {
            var message = BinaryData.FromString(new string('q', QueueBodyBytes));
            var blob = BinaryData.FromBytes(new byte[BlobBytes]);
            var padding = new string('e', EntityBytes);
            var rows = Enumerable.Range(0, QueryPartitions * QueryPartitionRows)
                .Select(i => new TableEntity("p" + (i % QueryPartitions), i.ToString("D6", CultureInfo.InvariantCulture)) { ["Body"] = padding }).ToList();
            await TableLoadAsync(table, rows);
            await Parallel.ForEachAsync(Enumerable.Range(0, 64), async (i, token) => await container.UploadBlobAsync("read-" + i, blob, token));
            var sequence = 0L;
            long Next() => Interlocked.Increment(ref sequence);

            var operations = new Dictionary<StorageOperation, Func<CancellationToken, Task<int>>>
            {
                [StorageOperation.QueueSend] = async token => { await queue.SendMessageAsync(message, cancellationToken: token); return 1; },
                [StorageOperation.QueueReceiveDelete] = async token =>
                {
                    // The listener's shape: a receive of up to 16, then a delete per message; every call counts. An
                    // empty receive ends the loop uncounted: the queue ran dry, and empty answers are not the rate.
                    var received = (await queue.ReceiveMessagesAsync(16, TimeSpan.FromMinutes(5), token)).Value;
                    await Task.WhenAll(received.Select(m => queue.DeleteMessageAsync(m.MessageId, m.PopReceipt, token)));
                    return received.Length == 0 ? -1 : 1 + received.Length;
                },
                [StorageOperation.TablePointRead] = async token =>
                {
                    var row = rows[(int)(Next() % rows.Count)];
                    await table.GetEntityAsync<TableEntity>(row.PartitionKey, row.RowKey, cancellationToken: token);
                    return 1;
                },
                [StorageOperation.TableQueryPage] = async token =>
                {
                    // One page: a whole partition of 100 rows, as the stores' partition reads are.
                    var partition = "p" + (Next() % QueryPartitions);
                    await foreach (var _ in table.QueryAsync<TableEntity>(e => e.PartitionKey == partition, maxPerPage: 1000, cancellationToken: token).AsPages())
                    {
                        break;
                    }

                    return 1;
                },
                [StorageOperation.TableUpsert] = async token =>
                {
                    await table.UpsertEntityAsync(new TableEntity("u" + (Next() % 64), Next().ToString("D9", CultureInfo.InvariantCulture)) { ["Body"] = padding }, TableUpdateMode.Replace, token);
                    return 1;
                },
                [StorageOperation.TableTransaction100] = async token =>
                {
                    var partition = "t" + Next();
                    await table.SubmitTransactionAsync(Enumerable.Range(0, 100).Select(i =>
                        new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, i.ToString("D3", CultureInfo.InvariantCulture)) { ["Body"] = padding })), token);
                    return 1;
                },
                [StorageOperation.BlobUpload] = async token =>
                {
                    await container.GetBlobClient("up-" + Next()).UploadAsync(blob, token);
                    return 1;
                },
                [StorageOperation.BlobRead] = async token =>
                {
                    await container.GetBlobClient("read-" + (Next() % 64)).DownloadContentAsync(token);
                    return 1;
                },
            };

            var curves = new Dictionary<StorageOperation, IReadOnlyList<double>>();
            foreach (var (operation, call) in operations.Where(o => only is null || only.Contains(o.Key)))
            {
                var curve = new List<double>();
                foreach (var inFlight in InFlight)
                {
                    if (operation == StorageOperation.QueueReceiveDelete)
                    {
                        // Waiting messages (untimed), as many as a busy step's queue holds: Azurite's queue store slows
                        // down as a queue grows (6,000 waiting brought receive+delete under 20 calls/s).
                        await FillAsync(queue, message, 2000);
                    }

                    curve.Add(await RateAsync(call, inFlight, perPoint));
                }

                curves[operation] = curve;
                progress(string.Create(CultureInfo.InvariantCulture, $"baseline: {operation} {string.Join(", ", curve.Select(r => r.ToString("F0", CultureInfo.InvariantCulture)))} calls/s at {string.Join('/', InFlight)} in flight"));
            }

            return new StorageBaseline(curves);
        }
        finally
        {
            await Task.WhenAll(queue.DeleteIfExistsAsync(), table.DeleteAsync(), container.DeleteIfExistsAsync());
        }
    }

    /// <summary>
    /// Calls completed per second by <paramref name="inFlight"/> loops calling back to back for <paramref name="duration"/>;
    /// a loop stops early when its call reports nothing left to do (a negative count).
    /// </summary>
    private static async Task<double> RateAsync(Func<CancellationToken, Task<int>> call, int inFlight, TimeSpan duration)
    {
        var calls = 0L;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, inFlight).Select(_ => Task.Run(async () =>
        {
            while (clock.Elapsed < duration && await call(CancellationToken.None) is var done and >= 0)
            {
                Interlocked.Add(ref calls, done);
            }
        })));
        return calls / clock.Elapsed.TotalSeconds;
    }

    private static async Task FillAsync(QueueClient queue, BinaryData message, int messages)
    {
        var waiting = (await queue.GetPropertiesAsync()).Value.ApproximateMessagesCount;
        await Parallel.ForEachAsync(Enumerable.Range(0, Math.Max(0, messages - waiting)), new ParallelOptions { MaxDegreeOfParallelism = 32 },
            async (_, token) => await queue.SendMessageAsync(message, cancellationToken: token));
    }

    private static async Task TableLoadAsync(TableClient table, List<TableEntity> rows) =>
        await Parallel.ForEachAsync(rows.GroupBy(r => r.PartitionKey).SelectMany(g => g.Chunk(100)), new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (chunk, token) => await table.SubmitTransactionAsync(chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), token));
}
