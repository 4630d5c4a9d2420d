using System.Diagnostics;
using Azure;
using Azure.Data.Tables;
using SalesFunctions.Core.Kpis.Rollup;

namespace SalesFunctions.Storage;

/// <summary>
/// Dirty marks, one row per tenant day. Marking merges into the row, which changes its ETag; clearing deletes only with
/// the ETag that was listed, so a mark made during a rollup survives it. The marking span's trace context goes into one
/// of <see cref="TraceSlots"/> columns chosen by its trace id, so a day keeps a bounded sample of the traces that
/// dirtied it without reading the row first.
/// </summary>
public sealed class TableDirtyDayStore(StorageClients clients, StorageNames names) : IDirtyDayStore
{
    public const int TraceSlots = 16;

    private const string TraceColumn = "Trace";

    private TableClient Table => clients.Tables.GetTableClient(names.Table(StorageNames.DirtyDays));

    public async Task MarkAsync(string tenantId, IReadOnlyCollection<DateOnly> days, CancellationToken cancellationToken)
    {
        var current = Activity.Current is { IdFormat: ActivityIdFormat.W3C } span ? span : null;
        foreach (var day in days)
        {
            var entity = new TableEntity(TableKeys.Escape(tenantId), TableKeys.Day(day)) { ["TenantId"] = tenantId };
            if (current is not null)
            {
                entity[TraceColumn + Slot(current.TraceId)] = current.Id;
            }

            await Table.UpsertEntityAsync(entity, TableUpdateMode.Merge, cancellationToken);
        }
    }

    public Task<IReadOnlyList<DirtyDay>> ListAsync(CancellationToken cancellationToken) => QueryAsync(filter: null, cancellationToken);

    public Task<IReadOnlyList<DirtyDay>> ListAsync(string tenantId, CancellationToken cancellationToken) =>
        QueryAsync(TableClient.CreateQueryFilter($"PartitionKey eq {TableKeys.Escape(tenantId)}"), cancellationToken);

    private async Task<IReadOnlyList<DirtyDay>> QueryAsync(string? filter, CancellationToken cancellationToken)
    {
        var days = new List<DirtyDay>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            days.Add(new DirtyDay(entity.GetString("TenantId"), TableKeys.ParseDay(entity.RowKey), entity.ETag.ToString())
            {
                TraceParents = [.. entity.Where(p => p.Key.StartsWith(TraceColumn, StringComparison.Ordinal) && p.Value is string).Select(p => (string)p.Value)],
            });
        }

        return days;
    }

    public async Task<bool> ClearAsync(DirtyDay day, CancellationToken cancellationToken)
    {
        try
        {
            await Table.DeleteEntityAsync(TableKeys.Escape(day.TenantId), TableKeys.Day(day.Day), new ETag(day.Version), cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return false;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return true;
        }
    }

    /// <summary>Trace ids are random (W3C), so their last byte spreads traces evenly over the slots.</summary>
    private static int Slot(ActivityTraceId traceId)
    {
        Span<byte> bytes = stackalloc byte[16];
        traceId.CopyTo(bytes);
        return bytes[15] % TraceSlots;
    }
}
