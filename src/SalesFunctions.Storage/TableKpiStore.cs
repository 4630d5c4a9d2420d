using Azure;
using Azure.Data.Tables;
using SalesFunctions.Core.Kpis;

namespace SalesFunctions.Storage;

/// <summary>
/// KPI rows twice, for the two ways they are read: a time series per entity (partition tenant|dimension|key, rows
/// day|date: one range scan) and a leaderboard per period (partition tenant|day|date, rows dimension|key). Table
/// layout for direct reporting tools: docs/storage.md.
/// </summary>
public sealed class TableKpiStore(StorageClients clients, StorageNames names) : IKpiStore
{
    private const int MaxBatch = 100;

    private TableClient Table => clients.Tables.GetTableClient(names.Table(StorageNames.Kpis));

    public async Task ReplaceDayAsync(string tenantId, DateOnly day, IReadOnlyList<KpiRow> rows, CancellationToken cancellationToken)
    {
        var period = PeriodPartition(tenantId, day);
        var existing = new List<string>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {period}"), select: ["RowKey"], cancellationToken: cancellationToken))
        {
            existing.Add(entity.RowKey);
        }

        var computedAt = DateTimeOffset.UtcNow;
        var periodRows = rows.Select(r => ToEntity(r, period, EntityKey(r.Dimension, r.Key), computedAt)).ToList();
        var stale = existing.Except(periodRows.Select(e => e.RowKey), StringComparer.Ordinal).ToList();

        // Series rows first: a reader of the leaderboard never sees an entity whose series row is missing.
        await Parallel.ForEachAsync(rows, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (row, token) =>
            await Table.UpsertEntityAsync(ToEntity(row, SeriesPartition(tenantId, row.Dimension, row.Key), SeriesRow(day), computedAt), TableUpdateMode.Replace, token));
        await Parallel.ForEachAsync(stale, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (rowKey, token) =>
        {
            try
            {
                await Table.DeleteEntityAsync($"{TableKeys.Escape(tenantId)}|{rowKey}", SeriesRow(day), ETag.All, token);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Removed by an earlier attempt.
            }
        });

        var actions = periodRows.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e))
            .Concat(stale.Select(rowKey => new TableTransactionAction(TableTransactionActionType.Delete, new TableEntity(period, rowKey), ETag.All)));
        foreach (var batch in actions.Chunk(MaxBatch))
        {
            await Table.SubmitTransactionAsync(batch, cancellationToken);
        }
    }

    public async Task<IReadOnlyList<KpiRow>> GetSeriesAsync(string tenantId, KpiDimension dimension, string key, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var partition = SeriesPartition(tenantId, dimension, key);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {SeriesRow(from)} and RowKey le {SeriesRow(to)}");
        var rows = new List<KpiRow>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            rows.Add(new KpiRow(dimension, key, TableKeys.ParseDay(entity.RowKey["day|".Length..]), Values(entity), entity.GetInt32("DefinitionVersion") ?? 0));
        }

        return rows;
    }

    internal static string SeriesPartition(string tenantId, KpiDimension dimension, string key) =>
        $"{TableKeys.Escape(tenantId)}|{EntityKey(dimension, key)}";

    internal static string PeriodPartition(string tenantId, DateOnly day) => $"{TableKeys.Escape(tenantId)}|day|{TableKeys.Day(day)}";

    private static string SeriesRow(DateOnly day) => $"day|{TableKeys.Day(day)}";

    private static string EntityKey(KpiDimension dimension, string key) => $"{dimension.ToString().ToLowerInvariant()}|{TableKeys.Escape(key)}";

    private static TableEntity ToEntity(KpiRow row, string partitionKey, string rowKey, DateTimeOffset computedAt) => new(partitionKey, rowKey)
    {
        ["Dimension"] = row.Dimension.ToString().ToLowerInvariant(),
        ["Key"] = row.Key,
        ["Day"] = TableKeys.Day(row.Day),
        ["EmailsSent"] = row.Values.EmailsSent,
        ["EmailsReceived"] = row.Values.EmailsReceived,
        ["Meetings"] = row.Values.Meetings,
        ["MeetingMinutes"] = row.Values.MeetingMinutes,
        ["UniqueAccounts"] = row.Values.UniqueAccounts,
        ["DealsCreated"] = row.Values.DealsCreated,
        ["DealsWon"] = row.Values.DealsWon,
        ["DealsLost"] = row.Values.DealsLost,

        // Table Storage has no decimal type; a double holds revenue to the cent for any realistic total.
        ["RevenueWon"] = (double)row.Values.RevenueWon,
        ["CasesOpened"] = row.Values.CasesOpened,
        ["CasesResolved"] = row.Values.CasesResolved,
        ["OutsideTerritory"] = row.Values.OutsideTerritory,
        ["DefinitionVersion"] = row.DefinitionVersion,
        ["ComputedAt"] = computedAt,
    };

    private static DailyKpis Values(TableEntity entity) => new(
        entity.GetInt32("EmailsSent") ?? 0,
        entity.GetInt32("EmailsReceived") ?? 0,
        entity.GetInt32("Meetings") ?? 0,
        entity.GetInt32("MeetingMinutes") ?? 0,
        entity.GetInt32("UniqueAccounts") ?? 0)
    {
        DealsCreated = entity.GetInt32("DealsCreated") ?? 0,
        DealsWon = entity.GetInt32("DealsWon") ?? 0,
        DealsLost = entity.GetInt32("DealsLost") ?? 0,
        RevenueWon = Math.Round((decimal)(entity.GetDouble("RevenueWon") ?? 0), 2),
        CasesOpened = entity.GetInt32("CasesOpened") ?? 0,
        CasesResolved = entity.GetInt32("CasesResolved") ?? 0,
        OutsideTerritory = entity.GetInt32("OutsideTerritory") ?? 0,
    };
}
