using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SalesFunctions.Core.Capture;
using SalesFunctions.Core.Traces;

namespace SalesFunctions.Storage;

/// <summary>
/// Traces in one table per month ("traces202611"), partitioned by tenant and UTC day, rows keyed by activity or item
/// key then time. A message's traces are one row-key range per day; a time window is a partition range; and
/// retention drops whole monthly tables, which costs one call instead of a delete per row.
/// </summary>
public sealed class TableTraceStore(StorageClients clients, StorageNames names) : ITraceStore
{
    private const string Logical = "traces";
    private readonly ConcurrentDictionary<string, Task> _created = new(StringComparer.Ordinal);

    public async Task WriteAsync(IReadOnlyList<CaptureTrace> traces, CancellationToken cancellationToken)
    {
        foreach (var month in traces.GroupBy(t => MonthTable(t.At)))
        {
            var table = await EnsureTableAsync(month.Key, cancellationToken);

            // A transaction holds up to 100 entities of one partition, each row once.
            foreach (var partition in month.Select(ToEntity).DistinctBy(e => (e.PartitionKey, e.RowKey)).GroupBy(e => e.PartitionKey, StringComparer.Ordinal))
            {
                foreach (var chunk in partition.Chunk(100))
                {
                    await TableBatches.SubmitAsync(table, chunk.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)), cancellationToken);
                }
            }
        }
    }

    public async Task<IReadOnlyList<CaptureTrace>> FindAsync(string tenantId, string key, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var escapedKey = TableKeys.Escape(key);
        var found = new List<CaptureTrace>();
        foreach (var month in Months(from, to))
        {
            var filter = TableClient.CreateQueryFilter(
                $"PartitionKey ge {Partition(tenantId, from)} and PartitionKey le {Partition(tenantId, to)} and RowKey gt {escapedKey + "|"} and RowKey lt {escapedKey + "}"}");
            found.AddRange(await QueryAsync(month, filter, int.MaxValue, cancellationToken));
        }

        return found.Where(t => t.At >= from && t.At <= to).OrderBy(t => t.At).ToList();
    }

    public async Task<IReadOnlyList<CaptureTrace>> ListAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken)
    {
        var found = new List<CaptureTrace>();
        for (var day = from.UtcDateTime.Date; day <= to.UtcDateTime.Date && found.Count < limit; day = day.AddDays(1))
        {
            // Rows sort by key within a day, so each day is read whole and ordered by time here.
            var instant = new DateTimeOffset(day, TimeSpan.Zero);
            var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(tenantId, instant)}");
            found.AddRange((await QueryAsync(MonthTable(instant), filter, int.MaxValue, cancellationToken))
                .Where(t => t.At >= from && t.At <= to).OrderBy(t => t.At));
        }

        return found.Take(limit).ToList();
    }

    public async Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var prefix = names.Table(Logical);
        var dropped = 0;
        await foreach (var table in clients.Tables.QueryAsync($"TableName ge '{prefix}' and TableName lt '{prefix}~'", cancellationToken: cancellationToken))
        {
            if (table.Name.Length == prefix.Length + 6
                && DateTime.TryParseExact(table.Name[prefix.Length..], "yyyyMM", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var month)
                && new DateTimeOffset(month.AddMonths(1), TimeSpan.Zero) <= cutoff)
            {
                await clients.Tables.DeleteTableAsync(table.Name, cancellationToken);
                _created.TryRemove(table.Name, out _);
                dropped++;
            }
        }

        return dropped;
    }

    private async Task<List<CaptureTrace>> QueryAsync(string tableName, string filter, int limit, CancellationToken cancellationToken)
    {
        var found = new List<CaptureTrace>();
        try
        {
            await foreach (var entity in clients.Tables.GetTableClient(tableName).QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
            {
                found.Add(FromEntity(entity));
                if (found.Count >= limit)
                {
                    break;
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No traces were written that month, or they are past retention.
        }

        return found;
    }

    private async Task<TableClient> EnsureTableAsync(string tableName, CancellationToken cancellationToken)
    {
        // Created once per month and process; a failed creation is forgotten so that the next write tries again.
        var creation = _created.GetOrAdd(tableName, name => clients.Tables.CreateTableIfNotExistsAsync(name, CancellationToken.None));
        try
        {
            await creation.WaitAsync(cancellationToken);
        }
        catch (RequestFailedException)
        {
            _created.TryRemove(tableName, out _);
            throw;
        }

        return clients.Tables.GetTableClient(tableName);
    }

    private string MonthTable(DateTimeOffset at) => names.Table(Logical) + at.UtcDateTime.ToString("yyyyMM", CultureInfo.InvariantCulture);

    private IEnumerable<string> Months(DateTimeOffset from, DateTimeOffset to)
    {
        for (var month = new DateTimeOffset(from.UtcDateTime.Year, from.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero); month <= to; month = month.AddMonths(1))
        {
            yield return MonthTable(month);
        }
    }

    private static string Partition(string tenantId, DateTimeOffset at) =>
        $"{TableKeys.Escape(tenantId)}|{at.UtcDateTime.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    private static TableEntity ToEntity(CaptureTrace trace) => new(
        Partition(trace.TenantId, trace.At),
        $"{TableKeys.Escape(trace.Key)}|{trace.At.UtcTicks:D19}|{trace.Stage}|{TraceKeys.ForItem(trace.ItemId ?? string.Empty)[5..13]}")
    {
        ["TenantId"] = trace.TenantId,
        ["At"] = trace.At,
        ["Stage"] = trace.Stage.ToString(),
        ["Key"] = trace.Key,
        ["ItemId"] = trace.ItemId,
        ["Outcome"] = trace.Outcome?.ToString(),
        ["SubscriptionId"] = trace.SubscriptionId,
        ["Folder"] = trace.Folder,
        ["MailboxHash"] = trace.MailboxHash,
        ["UnreadableAddresses"] = trace.UnreadableAddresses,
    };

    private static CaptureTrace FromEntity(TableEntity entity) => new(
        entity.GetString("TenantId"),
        entity.GetDateTimeOffset("At")!.Value,
        Enum.Parse<TraceStage>(entity.GetString("Stage")),
        entity.GetString("Key"),
        entity.GetString("ItemId"),
        entity.GetString("Outcome") is { } outcome ? Enum.Parse<CaptureOutcome>(outcome) : null,
        entity.GetString("SubscriptionId"),
        entity.GetString("Folder"),
        entity.GetString("MailboxHash"),
        entity.GetInt32("UnreadableAddresses"));
}
