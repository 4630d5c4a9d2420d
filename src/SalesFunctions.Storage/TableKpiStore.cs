using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Azure;
using Azure.Data.Tables;
using SalesFunctions.Core.Kpis;
using SalesFunctions.Core.Kpis.Catalogue;
using SalesFunctions.Core.Kpis.Query;

namespace SalesFunctions.Storage;

/// <summary>
/// KPI cells twice, for the two ways they are read, in two tables (ADR 0015). <c>kpiseries</c>: a time series per entity
/// (partition tenant|dimension|key, rows grain|period start|dimension|key: one range scan). <c>kpiperiods</c>: a
/// leaderboard per period (partition tenant|grain|period start, rows dimension|key). One column per catalogue KPI; an
/// undefined value has no column, nor has the 0 of a KPI that is always defined. Layout for reporting tools: docs/storage.md.
/// </summary>
public sealed class TableKpiStore(StorageClients clients, StorageNames names, TimeProvider time) : IKpiStore
{
    private const int Parallelism = 8;

    /// <summary>1: both layouts in one <c>kpis</c> table, series rows keyed by period alone. 2: ADR 0015.</summary>
    public int Layout => 2;

    private TableClient Series => clients.Tables.GetTableClient(names.Table(StorageNames.KpiSeries));

    private TableClient Periods => clients.Tables.GetTableClient(names.Table(StorageNames.KpiPeriods));

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
            await foreach (var entity in Periods.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"PartitionKey eq {partition}"), cancellationToken: token))
            {
                stored[(period, entity.RowKey)] = entity;
            }
        });

        var keyed = cells.Select(c => (Cell: c, Key: (c.Period, EntityRow: EntityRow(c.Dimension, c.Key)))).ToList();
        var changed = keyed.Where(k => !stored.TryGetValue(k.Key, out var row) || !Holds(row, k.Cell)).ToList();
        var fresh = keyed.Select(k => k.Key).ToHashSet();
        var stale = stored.Keys.Where(k => !fresh.Contains(k)).ToList();
        var computedAt = time.GetUtcNow();

        // Series rows first: a reader of a leaderboard never finds an entity whose series row is missing.
        await SubmitAsync(Series, changed.Select(c => ToEntity(c.Cell, SeriesKeys(tenantId, c.Key), computedAt)), cancellationToken);
        await DeleteAsync(Series, stale.Select(s => SeriesKeys(tenantId, s)), cancellationToken);
        await SubmitAsync(Periods, changed.Select(c => ToEntity(c.Cell, PeriodKeys(tenantId, c.Key), computedAt)), cancellationToken);
        await DeleteAsync(Periods, stale.Select(s => PeriodKeys(tenantId, s)), cancellationToken);
        return changed.Count;
    }

    public async Task<IReadOnlyList<StoredKpiCell>> GetSeriesAsync(
        string tenantId, KpiDimension dimension, string key, KpiGrain grain, DateOnly from, DateOnly to, CancellationToken cancellationToken)
    {
        // A row key continues after its period with '|', which sorts right before '}': the range holds exactly the rows
        // of the periods starting on the two days and between them.
        var partition = SeriesPartition(tenantId, EntityRow(dimension, key));
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {PeriodKey(new KpiPeriod(grain, from))} and RowKey lt {PeriodKey(new KpiPeriod(grain, to)) + "}"}");
        return await ReadAsync(Series, filter, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredKpiCell>> GetPeriodAsync(string tenantId, KpiPeriod period, KpiDimension dimension, CancellationToken cancellationToken)
    {
        // '}' sorts right after '|': the range holds exactly the dimension's rows.
        var prefix = $"{Name(dimension)}|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {PeriodPartition(tenantId, period)} and RowKey gt {prefix} and RowKey lt {Name(dimension) + "}"}");
        return await ReadAsync(Periods, filter, cancellationToken);
    }

    /// <summary>The table column of a catalogue KPI: its name with a capital first letter, as the other columns are.</summary>
    internal static string Column(string kpi) => string.Concat(char.ToUpperInvariant(kpi[0]).ToString(), kpi.AsSpan(1));

    private static string SeriesPartition(string tenantId, string entityRow) => $"{TableKeys.Escape(tenantId)}|{entityRow}";

    /// <summary>
    /// A cell's series row, written and deleted alike. The RowKey is the period, then the entity again: the period alone
    /// would order the series, but every entity's row of a period would share one RowKey, and the storage emulator finds
    /// a row by scanning all rows with its RowKey (ADR 0015).
    /// </summary>
    private static (string PartitionKey, string RowKey) SeriesKeys(string tenantId, (KpiPeriod Period, string EntityRow) cell) =>
        (SeriesPartition(tenantId, cell.EntityRow), $"{PeriodKey(cell.Period)}|{cell.EntityRow}");

    /// <summary>A cell's leaderboard row, written and deleted alike.</summary>
    private static (string PartitionKey, string RowKey) PeriodKeys(string tenantId, (KpiPeriod Period, string EntityRow) cell) =>
        (PeriodPartition(tenantId, cell.Period), cell.EntityRow);

    private static string PeriodPartition(string tenantId, KpiPeriod period) => $"{TableKeys.Escape(tenantId)}|{PeriodKey(period)}";

    private static string PeriodKey(KpiPeriod period) => $"{Name(period.Grain)}|{TableKeys.Day(period.Start)}";

    private static string EntityRow(KpiDimension dimension, string key) => $"{Name(dimension)}|{TableKeys.Escape(key)}";

    private static string Name<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();

    private static async Task<IReadOnlyList<StoredKpiCell>> ReadAsync(TableClient table, string filter, CancellationToken cancellationToken)
    {
        var cells = new List<StoredKpiCell>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            cells.Add(FromEntity(entity));
        }

        return cells;
    }

    private static Task SubmitAsync(TableClient table, IEnumerable<TableEntity> entities, CancellationToken cancellationToken) =>
        TableBatches.UpsertAsync(table, entities, Parallelism, cancellationToken);

    /// <summary>
    /// One by one rather than in transactions: a row an interrupted earlier run already deleted would fail its whole
    /// batch, and stale cells are few (an entity that lost its last fact of a period).
    /// </summary>
    private static async Task DeleteAsync(TableClient table, IEnumerable<(string PartitionKey, string RowKey)> rows, CancellationToken cancellationToken) =>
        await Parallel.ForEachAsync(rows, Options(cancellationToken), async (row, token) =>
        {
            try
            {
                await table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, token);
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // Gone already.
            }
        });

    private static ParallelOptions Options(CancellationToken cancellationToken) => new() { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken };

    private static TableEntity ToEntity(KpiCell cell, (string PartitionKey, string RowKey) keys, DateTimeOffset computedAt)
    {
        var entity = new TableEntity(keys.PartitionKey, keys.RowKey)
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
        foreach (var definition in KpiCatalogue.Definitions)
        {
            if (ColumnValue(definition, cell.Dimension, cell.Values[definition.Name]) is { } column)
            {
                entity[Column(definition.Name)] = column;
            }
        }

        return entity;
    }

    /// <summary>
    /// A KPI's column as stored, or null for no column. A count is an Int32: a whole number, and a type the SDK sends
    /// without the annotation it adds to every double. Any other value is a double (Table Storage has no decimal; a
    /// double holds 15 significant digits, revenue to the cent). Undefined has no column, and neither has the 0 of a KPI
    /// that the cell's dimension always defines: most cells count one kind of fact, so most of their counts are 0, and
    /// leaving them out halves an account day's row (ADR 0014).
    /// </summary>
    [SuppressMessage("Performance", "CA1859", Justification = "An int or a double: the boxed type decides the column's type in the table.")]
    private static object? ColumnValue(KpiDefinition definition, KpiDimension dimension, decimal? value)
    {
        var alwaysDefined = definition.AlwaysDefinedFor.Contains(dimension);
        if (value is not { } defined)
        {
            return alwaysDefined
                ? throw new ArgumentException($"{definition.Name} is always defined for a {dimension}, yet a cell leaves it undefined; stored, it would read back as 0.")
                : null;
        }

        if (alwaysDefined && defined == 0m)
        {
            return null;
        }

        if (definition.Unit == KpiCatalogue.UnitCount && defined == decimal.Truncate(defined) && defined is >= int.MinValue and <= int.MaxValue)
        {
            return (int)defined;
        }

        return (double)defined;
    }

    /// <summary>
    /// Whether a stored row already holds the cell: the same catalogue version and, KPI by KPI, the column it would be
    /// written with, of the same type. Doubles round-trip exactly through the table service, so equal values compare
    /// equal; a row written by another version or in an earlier column form (counts as doubles, zeros stored) is rewritten.
    /// </summary>
    private static bool Holds(TableEntity row, KpiCell cell)
    {
        if (row.GetInt32("DefinitionVersion") != KpiCatalogue.Version)
        {
            return false;
        }

        foreach (var definition in KpiCatalogue.Definitions)
        {
            var stored = row.TryGetValue(Column(definition.Name), out var value) ? value : null;
            if (!Equals(stored, ColumnValue(definition, cell.Dimension, cell.Values[definition.Name])))
            {
                return false;
            }
        }

        return true;
    }

    private static StoredKpiCell FromEntity(TableEntity entity)
    {
        var dimension = Enum.Parse<KpiDimension>(entity.GetString("Dimension"), ignoreCase: true);
        var values = new Dictionary<string, decimal?>(KpiCatalogue.Definitions.Count, StringComparer.Ordinal);
        foreach (var definition in KpiCatalogue.Definitions)
        {
            // Counts are Int32, other values doubles; rows written before ADR 0014 hold counts as doubles, and zeros.
            values[definition.Name] = entity.TryGetValue(Column(definition.Name), out var value) && value is double or int or long
                ? Convert.ToDecimal(value, CultureInfo.InvariantCulture)
                : definition.AlwaysDefinedFor.Contains(dimension) ? 0m : null;
        }

        var grain = Enum.Parse<KpiGrain>(entity.GetString("Grain") ?? nameof(KpiGrain.Day), ignoreCase: true);
        var period = new KpiPeriod(grain, TableKeys.ParseDay(entity.GetString("PeriodStart") ?? entity.GetString("Day")));
        return new StoredKpiCell(new KpiCell(dimension, entity.GetString("Key"), period, values), entity.GetInt32("DefinitionVersion") ?? 0);
    }
}
