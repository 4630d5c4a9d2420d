using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;

namespace SalesFunctions.Storage;

/// <summary>
/// Activities partitioned by tenant and local day (a day's rollup is one partition scan), plus an index from activity
/// id to its current day and content hash: an activity that moves day (a rescheduled meeting) leaves no copy behind,
/// and the same email scored again from another mailbox costs one read.
/// </summary>
public sealed class TableActivityStore(StorageClients clients, StorageNames names) : IActivityStore
{
    private const int SchemaVersion = 2;

    /// <summary>Transactions in flight during an import: as many as the KPI store uses for its cells.</summary>
    private const int ImportParallelism = 8;

    /// <summary>Characters per participant property, under the 32K-character limit of a string property.</summary>
    private const int ParticipantChunkChars = 30_000;

    /// <summary>Days per query of <see cref="ListBetweenAsync"/>, and how many such queries run ahead of the reader.</summary>
    public const int ReadSpanDays = 7, ReadAhead = 4;

    private TableClient Activities => clients.Tables.GetTableClient(names.Table(StorageNames.Activities));

    private TableClient Index => clients.Tables.GetTableClient(names.Table(StorageNames.ActivityDays));

    public async Task<ActivityWrite> WriteAsync(Activity activity, DateOnly day, CancellationToken cancellationToken)
    {
        // Order matters under at-least-once delivery: write the new row and remove the old one here; the index moves only
        // in CommitAsync, after the caller marked the days dirty. A crash anywhere before that leaves the index on the
        // old day and content, so the redelivered message repeats the write, the removal and the marks.
        var entity = ToEntity(activity, day);
        var indexed = await Index.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(activity.TenantId), entity.RowKey, cancellationToken: cancellationToken);
        DateOnly? previous = indexed.HasValue ? TableKeys.ParseDay(indexed.Value!.GetString("Day")) : null;
        if (previous == day && indexed.Value!.GetString("ContentHash") == ContentHash(entity))
        {
            return ActivityWrite.Unchanged;
        }

        await Activities.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        if (previous is { } old && old != day)
        {
            await DeleteRowAsync(Activities, Partition(activity.TenantId, old), entity.RowKey, cancellationToken);
        }

        return new ActivityWrite(true, previous is { } moved && moved != day ? moved : null);
    }

    public async Task CommitAsync(Activity activity, DateOnly day, CancellationToken cancellationToken) =>
        await Index.UpsertEntityAsync(IndexEntity(activity.TenantId, ToEntity(activity, day), day), TableUpdateMode.Replace, cancellationToken);

    /// <summary>
    /// A bulk load (a benchmark, a migration from another store) that marks its own dirty days, before calling this as
    /// the pipeline marks them before <see cref="CommitAsync"/>. Writes the rows, then their index entries, in
    /// transactions of up to 100 entities of one partition, without the index read per activity that
    /// <see cref="WriteAsync"/> makes; so it neither skips unchanged content nor removes a copy stored under another day.
    /// Meant for activities not stored yet, each once in the list.
    /// </summary>
    public async Task ImportAsync(IReadOnlyList<(Activity Activity, DateOnly Day)> activities, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(activities);
        var rows = activities.Select(a => ToEntity(a.Activity, a.Day)).ToList();
        await TableBatches.UpsertAsync(Activities, rows, ImportParallelism, cancellationToken);

        // Index last, as CommitAsync comes after WriteAsync: an import cut short leaves rows that a second import, or a
        // redelivery through the pipeline, simply writes again.
        await TableBatches.UpsertAsync(Index, rows.Select((row, i) => IndexEntity(activities[i].Activity.TenantId, row, activities[i].Day)), ImportParallelism, cancellationToken);
    }

    public async Task<DateOnly?> FindDayAsync(string tenantId, string activityId, CancellationToken cancellationToken)
    {
        var indexed = await Index.GetEntityIfExistsAsync<TableEntity>(TableKeys.Escape(tenantId), TableKeys.Escape(activityId), cancellationToken: cancellationToken);
        return indexed.HasValue ? TableKeys.ParseDay(indexed.Value!.GetString("Day")) : null;
    }

    public async IAsyncEnumerable<Activity> ListByDayAsync(string tenantId, DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(tenantId, day)}");
        await foreach (var entity in Activities.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return FromEntity(tenantId, entity);
        }
    }

    public IAsyncEnumerable<StoredActivity> ListAllAsync(string tenantId, CancellationToken cancellationToken) =>
        QueryDaysAsync(tenantId, TenantDays(tenantId), cancellationToken);

    /// <summary>
    /// A week of day partitions per query, <see cref="ReadAhead"/> weeks in flight, yielded in order. One query over a
    /// long range is served one partition after another, and Azurite sorts the whole rest of the range for every page
    /// it returns (as one query, 100,000 rows read at 4,000 rows a second and 200,000 at 3,100); week spans keep every
    /// query short and let the service serve several at once.
    /// </summary>
    public async IAsyncEnumerable<StoredActivity> ListBetweenAsync(string tenantId, DateOnly from, DateOnly to, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var reads = new Queue<Task<List<StoredActivity>>>();
        using var filters = SpanFilters(tenantId, from, to).GetEnumerator();
        var more = filters.MoveNext();
        while (more || reads.Count > 0)
        {
            for (; reads.Count < ReadAhead && more; more = filters.MoveNext())
            {
                reads.Enqueue(QueryDaysAsync(tenantId, filters.Current, cancellationToken).ToListAsync(cancellationToken).AsTask());
            }

            foreach (var stored in await reads.Dequeue())
            {
                yield return stored;
            }
        }
    }

    /// <summary>The query filters <see cref="ListBetweenAsync"/> reads the days with, one per <see cref="ReadSpanDays"/> days, in order.</summary>
    public static IEnumerable<string> SpanFilters(string tenantId, DateOnly from, DateOnly to)
    {
        for (var start = from; start <= to; start = start.AddDays(ReadSpanDays))
        {
            var end = start.AddDays(ReadSpanDays - 1);
            yield return TableClient.CreateQueryFilter($"PartitionKey ge {Partition(tenantId, start)} and PartitionKey le {Partition(tenantId, end < to ? end : to)}");
        }
    }

    public async Task<DateOnly?> FirstDayAsync(string tenantId, CancellationToken cancellationToken)
    {
        // Results come in partition key order, so the first row of the tenant's range is on its earliest day.
        await foreach (var page in Activities.QueryAsync<TableEntity>(TenantDays(tenantId), maxPerPage: 1, select: ["PartitionKey"], cancellationToken: cancellationToken).AsPages())
        {
            if (page.Values.Count > 0)
            {
                return DayOf(page.Values[0].PartitionKey);
            }
        }

        return null;
    }

    public async Task DeleteAsync(string tenantId, string activityId, DateOnly day, CancellationToken cancellationToken)
    {
        var rowKey = TableKeys.Escape(activityId);
        await DeleteRowAsync(Activities, Partition(tenantId, day), rowKey, cancellationToken);
        await DeleteRowAsync(Index, TableKeys.Escape(tenantId), rowKey, cancellationToken);
    }

    private async IAsyncEnumerable<StoredActivity> QueryDaysAsync(string tenantId, string filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var entity in Activities.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return new StoredActivity(DayOf(entity.PartitionKey), FromEntity(tenantId, entity));
        }
    }

    /// <summary>Partition keys are "&lt;tenant&gt;|&lt;yyyy-MM-dd&gt;"; '}' sorts right after '|', so this range is exactly the tenant's days.</summary>
    private static string TenantDays(string tenantId) =>
        TableClient.CreateQueryFilter($"PartitionKey gt {TableKeys.Escape(tenantId) + "|"} and PartitionKey lt {TableKeys.Escape(tenantId) + "}"}");

    private static DateOnly DayOf(string partitionKey) => TableKeys.ParseDay(partitionKey[(partitionKey.LastIndexOf('|') + 1)..]);

    internal static string Partition(string tenantId, DateOnly day) => $"{TableKeys.Escape(tenantId)}|{TableKeys.Day(day)}";

    private static async Task DeleteRowAsync(TableClient table, string partitionKey, string rowKey, CancellationToken cancellationToken)
    {
        try
        {
            await table.DeleteEntityAsync(partitionKey, rowKey, ETag.All, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // Removed by an earlier attempt.
        }
    }

    private static TableEntity IndexEntity(string tenantId, TableEntity row, DateOnly day) =>
        new(TableKeys.Escape(tenantId), row.RowKey) { ["Day"] = TableKeys.Day(day), ["ContentHash"] = ContentHash(row) };

    /// <summary>A hash of exactly the stored properties, so that any change that would alter the row alters the hash.</summary>
    private static string ContentHash(TableEntity entity)
    {
        var text = new StringBuilder();
        foreach (var (key, value) in entity.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (key is not ("odata.etag" or "Timestamp"))
            {
                text.Append(key).Append('=').Append(value switch
                {
                    DateTimeOffset instant => instant.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    null => "",
                    _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
                }).Append('\n');
            }
        }

        return Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())), 0, 18);
    }

    private static TableEntity ToEntity(Activity activity, DateOnly day)
    {
        var entity = new TableEntity(Partition(activity.TenantId, day), TableKeys.Escape(activity.ActivityId))
        {
            ["ActivityId"] = activity.ActivityId,
            ["Kind"] = activity.Kind.ToString(),
            ["Direction"] = activity.Direction.ToString(),
            ["OccurredAt"] = activity.OccurredAt,
            ["EndsAt"] = activity.EndsAt,
            ["ConversationId"] = activity.ConversationId,
            ["Subject"] = activity.Subject,
            ["Sensitivity"] = activity.Sensitivity,
            ["SchemaVersion"] = SchemaVersion,
        };

        WriteParticipants(entity, JsonSerializer.Serialize(activity.Participants, JsonSerializerOptions.Web));

        // Added only when set, so that rows of tenants without a territory model keep the content hash they had.
        if (activity.Territories.Count > 0)
        {
            entity["Territories"] = JsonSerializer.Serialize(activity.Territories, JsonSerializerOptions.Web);
        }

        if (activity.RepsOutsideTerritory.Count > 0)
        {
            entity["RepsOutsideTerritory"] = JsonSerializer.Serialize(activity.RepsOutsideTerritory, JsonSerializerOptions.Web);
        }

        // Calls only, so that email and meeting rows keep their content hash.
        if (activity.CallSource is { } source)
        {
            entity["CallSource"] = source;
        }

        if (activity.Connected is { } connected)
        {
            entity["Connected"] = connected;
        }

        return entity;
    }

    private static Activity FromEntity(string tenantId, TableEntity entity) => new(
        tenantId,
        entity.GetString("ActivityId"),
        Enum.Parse<ActivityKind>(entity.GetString("Kind")),
        Enum.Parse<ActivityDirection>(entity.GetString("Direction")),
        entity.GetDateTimeOffset("OccurredAt")!.Value,
        entity.GetDateTimeOffset("EndsAt"),
        entity.GetString("ConversationId"),
        JsonSerializer.Deserialize<List<Participant>>(ReadParticipants(entity), JsonSerializerOptions.Web) ?? [],
        entity.GetString("Subject"),
        entity.GetString("Sensitivity"))
    {
        Territories = StringList(entity.GetString("Territories")),
        RepsOutsideTerritory = StringList(entity.GetString("RepsOutsideTerritory")),
        CallSource = entity.GetString("CallSource"),
        Connected = entity.GetBoolean("Connected"),
    };

    /// <summary>
    /// A string property holds at most 64 KiB (32K UTF-16 characters); a message to hundreds of people has a longer
    /// participant list. It continues in Participants1, Participants2, … (a row holds 1 MiB), so every message is
    /// stored whole; a list that fits stays in one property, as rows written before have it.
    /// </summary>
    private static void WriteParticipants(TableEntity entity, string json)
    {
        entity["Participants"] = json.Length <= ParticipantChunkChars ? json : json[..ParticipantChunkChars];
        for (var (start, part) = (ParticipantChunkChars, 1); start < json.Length; start += ParticipantChunkChars, part++)
        {
            entity[$"Participants{part}"] = json.Substring(start, Math.Min(ParticipantChunkChars, json.Length - start));
        }
    }

    private static string ReadParticipants(TableEntity entity)
    {
        var json = new StringBuilder(entity.GetString("Participants"));
        for (var part = 1; entity.GetString($"Participants{part}") is { } more; part++)
        {
            json.Append(more);
        }

        return json.ToString();
    }

    private static List<string> StringList(string? json) =>
        json is null ? [] : JsonSerializer.Deserialize<List<string>>(json, JsonSerializerOptions.Web) ?? [];
}
