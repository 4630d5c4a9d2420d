using System.Collections.Concurrent;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;

namespace SalesFunctions.Storage;

/// <summary>
/// KPI cells twice, for the two ways they are read: a time series per entity (partition tenant|dimension|key, rows
/// grain|period start: one range scan) and a leaderboard per period (partition tenant|grain|period start, rows
/// dimension|key). One column per catalogue KPI; an undefined value has no column. Layout for direct reporting tools:
/// docs/storage.md.
/// </summary>
public sealed class TableKpiStore(StorageClients clients, StorageNames names) : IKpiStore
{
    private const int Parallelism = 8;

    private TableClient Table => clients.Tables.GetTableClient(names.Table(StorageNames.Kpis));

    public async Task<int> ReplaceAsync(string tenantId, IReadOnlyCollection<KpiPeriod> periods, IReadOnlyList<KpiCell> cells, CancellationToken cancellationToken)
    {
        var requested = periods.ToHashSet();
        var unknown = cells.FirstOrDefault(c => !requested.Contains(c.Period));
        if (unknown is not null)
        {
            throw new ArgumentException($"A cell of {unknown.Period} is not in the periods being replaced.", nameof(cells));
        }

        // The leaderboard partitions hold each period's cells as the last complete write left them (that layout is
        // written second). A cell whose values are already there is not written again: a live tick recomputes the open
        // week, month and quarter of every account, and most of those cells have not changed since the last tick.
        var stored = new ConcurrentDictionary<(KpiPeriod Period, string EntityRow), TableEntity>();
        await Parallel.ForEachAsync(requested, Options(cancellationToken), async (period, token) =>
        {
            var partition = PeriodPartition(tenantId, period);
            await foreach (var entity in Table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: token))
            {
                stored[(period, entity.RowKey)] = entity;
            }
        });

        var keyed = cells.Select(c => (Cell: c, Key: (c.Period, EntityRow(c.Dimension, c.Key)))).ToList();
        var changed = keyed.Where(k => !stored.TryGetValue(k.Key, out var row) || !Holds(row, k.Cell)).Select(k => k.Cell).ToList();
        var fresh = keyed.Select(k => k.Key).ToHashSet();
        var stale = stored.Keys.Where(k => !fresh.Contains(k)).ToList();
        var computedAt = DateTimeOffset.UtcNow;

        // Series rows first: a reader of a leaderboard never finds an entity whose series row is missing.
        await SubmitAsync(changed.Select(c => ToEntity(c, SeriesPartition(tenantId, c.Dimension, c.Key), SeriesRow(c.Period), computedAt)), cancellationToken);
        await DeleteAsync(stale.Select(s => ($"{TableKeys.Escape(tenantId)}|{s.EntityRow}", SeriesRow(s.Period))), cancellationToken);
        await SubmitAsync(changed.Select(c => ToEntity(c, PeriodPartition(tenantId, c.Period), EntityRow(c.Dimension, c.Key), computedAt)), cancellationToken);
        await DeleteAsync(stale.Select(s => (PeriodPartition(tenantId, s.Period), s.EntityRow)), cancellationToken);
        return changed.Count;
    }

    public async Task<IReadOnlyList<StoredKpiCell>> GetSeriesAsync(
        string tenantId, KpiDimension dimension, string key, KpiGrain grain, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        var partition = SeriesPartition(tenantId, dimension, key);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {SeriesRow(new KpiPeriod(grain, from))} and RowKey le {SeriesRow(new KpiPeriod(grain, to))}");
        return await ReadAsync(filter, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredKpiCell>> GetPeriodAsync(string tenantId, KpiPeriod period, KpiDimension dimension, CancellationToken cancellationToken)
    {
        // '}' sorts right after '|': the range holds exactly the dimension's rows.
        var prefix = $"{Name(dimension)}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PeriodPartition(tenantId, period)} and RowKey gt {prefix} and RowKey lt {Name(dimension) + "}"}");
        return await ReadAsync(filter, cancellationToken);
    }

    /// <summary>The table column of a catalogue KPI: its name with a capital first letter, as the other columns are.</summary>
    internal static string Column(string kpi) => string.Concat(char.ToUpperInvariant(kpi[0]).ToString(), kpi.AsSpan(1));

    internal static string SeriesPartition(string tenantId, KpiDimension dimension, string key) =>
        $"{TableKeys.Escape(tenantId)}|{EntityRow(dimension, key)}";

    internal static string PeriodPartition(string tenantId, KpiPeriod period) => $"{TableKeys.Escape(tenantId)}|{SeriesRow(period)}";

    private static string SeriesRow(KpiPeriod period) => $"{Name(period.Grain)}|{TableKeys.Day(period.Start)}";

    private static string EntityRow(KpiDimension dimension, string key) => $"{Name(dimension)}|{TableKeys.Escape(key)}";

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private async Task<IReadOnlyList<StoredKpiCell>> ReadAsync(string filter, CancellationToken cancellationToken)
    {
        var cells = new List<StoredKpiCell>();
        await foreach (var entity in Table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            cells.Add(FromEntity(entity));
        }

        return cells;
    }

    private Task SubmitAsync(IEnumerable<TableEntity> entities, CancellationToken cancellationToken) =>
        TableBatches.UpsertAsync(Table, entities, Parallelism, cancellationToken);

    /// <summary>
    /// One by one rather than in transactions: a row an interrupted earlier run already deleted would fail its whole
    /// batch, and stale cells are few (an entity that lost its last fact of a period).
    /// </summary>
    private async Task DeleteAsync(IEnumerable<(string PartitionKey, string RowKey)> rows, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(rows, Options(cancellationToken), async (row, token) =>
        {
            try
            {
                await Table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, token);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Gone already.
            }
        });

    private static ParallelOptions Options(CancellationToken cancellationToken) => new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };

    private static TableEntity ToEntity(KpiCell cell, string partitionKey, string rowKey, DateTimeOffset computedAt)
    {
        var entity = new TableEntity(partitionKey, rowKey)
        {
            ["Dimension"] = Name(cell.Dimension),
            ["Key"] = cell.Key,
            ["Grain"] = Name(cell.Period.Grain),
            ["Period"] = cell.Period.Key,
            ["PeriodStart"] = TableKeys.Day(cell.Period.Start),
            ["PeriodEnd"] = TableKeys.Day(cell.Period.End),
            ["DefinitionVersion"] = KpiCatalogue.Version,
            ["ComputedAt"] = computedAt,
        };
        foreach (var (name, value) in cell.Values)
        {
            if (value is { } defined)
            {
                // Table Storage has no decimal type; a double holds 15 significant digits, revenue to the cent.
                entity[Column(name)] = (double)defined;
            }
        }

        return entity;
    }

    /// <summary>
    /// Whether a stored row already holds the cell: the same catalogue version and, KPI by KPI, the same value or the
    /// same absence. Doubles round-trip exactly through the table service, so equal values compare equal; a row written
    /// by another version, or with an integer column (version 3), is rewritten.
    /// </summary>
    private static bool Holds(TableEntity row, KpiCell cell)
    {
        if (row.GetInt32("DefinitionVersion") != KpiCatalogue.Version)
        {
            return false;
        }

        foreach (var (name, value) in cell.Values)
        {
            var column = row.TryGetValue(Column(name), out var stored) ? stored : null;
            var same = value is { } defined ? column is double number && number == (double)defined : column is null;
            if (!same)
            {
                return false;
            }
        }

        return true;
    }

    private static StoredKpiCell FromEntity(TableEntity entity)
    {
        var values = new Dictionary<string, decimal?>(KpiCatalogue.Definitions.Count, StringComparer.Ordinal);
        foreach (var definition in KpiCatalogue.Definitions)
        {
            // Version 3 rows stored counts as integers; they read until the version's recompute replaces them.
            values[definition.Name] = entity.TryGetValue(Column(definition.Name), out var value) && value is double or int or long
                ? Convert.ToDecimal(value, CultureInfo.InvariantCulture)
                : null;
        }

        var dimension = Enum.Parse<KpiDimension>(entity.GetString("Dimension"), ignoreCase: true);
        var grain = Enum.Parse<KpiGrain>(entity.GetString("Grain") ?? nameof(KpiGrain.Day), ignoreCase: true);
        var period = new KpiPeriod(grain, TableKeys.ParseDay(entity.GetString("PeriodStart") ?? entity.GetString("Day")));
        return new StoredKpiCell(new KpiCell(dimension, entity.GetString("Key"), period, values), entity.GetInt32("DefinitionVersion") ?? 0);
    }
}
