using System.Runtime.CompilerServices;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using SalesFunctions.Core.Activities;
using SalesFunctions.Core.Kpis;

namespace SalesFunctions.Storage;

/// <summary>
/// Activities partitioned by tenant and local day (a day's rollup is one partition scan), plus an index from activity
/// id to its current day so that an activity that moves day (a rescheduled meeting) leaves no copy behind.
/// </summary>
public sealed class TableActivityStore(StorageClients clients, StorageNames names) : IActivityStore
{
    private const int SchemaVersion = 1;

    private TableClient Activities => clients.Tables.GetTableClient(names.Table(StorageNames.Activities));

    private TableClient Index => clients.Tables.GetTableClient(names.Table(StorageNames.ActivityDays));

    public async Task<DateOnly?> UpsertAsync(Activity activity, DateOnly day, CancellationToken cancellationToken)
    {
        // Order matters under at-least-once delivery: write the new row, remove the old one, then move the index. A crash
        // anywhere leaves the index on the old day, so the redelivered message repeats the removal.
        var tenant = TableKeys.Escape(activity.TenantId);
        var rowKey = TableKeys.Escape(activity.ActivityId);
        var indexed = await Index.GetEntityIfExistsAsync<TableEntity>(tenant, rowKey, cancellationToken: cancellationToken);
        DateOnly? previous = indexed.HasValue ? TableKeys.ParseDay(indexed.Value!.GetString("Day")) : null;

        await Activities.UpsertEntityAsync(ToEntity(activity, day), TableUpdateMode.Replace, cancellationToken);
        if (previous is { } old && old != day)
        {
            try
            {
                await Activities.DeleteEntityAsync(Partition(activity.TenantId, old), rowKey, ETag.All, cancellationToken);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Removed by an earlier attempt.
            }
        }

        if (previous != day)
        {
            await Index.UpsertEntityAsync(new TableEntity(tenant, rowKey) { ["Day"] = TableKeys.Day(day) }, TableUpdateMode.Replace, cancellationToken);
        }

        return previous is { } moved && moved != day ? moved : null;
    }

    public async IAsyncEnumerable<Activity> ListByDayAsync(string tenantId, DateOnly day, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition(tenantId, day)}");
        await foreach (var entity in Activities.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return FromEntity(tenantId, entity);
        }
    }

    internal static string Partition(string tenantId, DateOnly day) => $"{TableKeys.Escape(tenantId)}|{TableKeys.Day(day)}";

    private static TableEntity ToEntity(Activity activity, DateOnly day) => new(Partition(activity.TenantId, day), TableKeys.Escape(activity.ActivityId))
    {
        ["ActivityId"] = activity.ActivityId,
        ["Kind"] = activity.Kind.ToString(),
        ["Direction"] = activity.Direction.ToString(),
        ["OccurredAt"] = activity.OccurredAt,
        ["EndsAt"] = activity.EndsAt,
        ["ConversationId"] = activity.ConversationId,
        ["Participants"] = JsonSerializer.Serialize(activity.Participants, JsonSerializerOptions.Web),
        ["SchemaVersion"] = SchemaVersion,
    };

    private static Activity FromEntity(string tenantId, TableEntity entity) => new(
        tenantId,
        entity.GetString("ActivityId"),
        Enum.Parse<ActivityKind>(entity.GetString("Kind")),
        Enum.Parse<ActivityDirection>(entity.GetString("Direction")),
        entity.GetDateTimeOffset("OccurredAt")!.Value,
        entity.GetDateTimeOffset("EndsAt"),
        entity.GetString("ConversationId"),
        JsonSerializer.Deserialize<List<Participant>>(entity.GetString("Participants"), JsonSerializerOptions.Web) ?? []);
}
