using Azure.Core.Pipeline;
using Azure.Data.Tables;

namespace SalesFunctions.Storage;

/// <summary>Upserts many entities in entity group transactions, several in flight: one round trip per 100 rows instead of per row.</summary>
internal static class TableBatches
{
    /// <summary>A transaction takes up to 100 entities, all of one partition.</summary>
    public const int MaxBatch = 100;

    /// <summary>Upserts (replace) every entity; an entity may appear once only, since a transaction refuses a row twice.</summary>
    public static async Task UpsertAsync(TableClient table, IEnumerable<TableEntity> entities, int parallelism, CancellationToken cancellationToken)
    {
        var batches = entities.GroupBy(e => e.PartitionKey, StringComparer.Ordinal)
            .SelectMany(g => g.Select(e => new TableTransactionAction(TableTransactionActionType.UpsertReplace, e)).Chunk(MaxBatch));
        await Parallel.ForEachAsync(
            batches,
            new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken },
            async (batch, token) => await SubmitAsync(table, batch, token));
    }

    /// <summary>One entity group transaction, its table and size named for <see cref="StorageCallCounter"/>: a batch's URL names neither.</summary>
    public static async Task SubmitAsync(TableClient table, IEnumerable<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        var batch = actions as IReadOnlyCollection<TableTransactionAction> ?? [.. actions];
        using var scope = HttpPipeline.CreateHttpMessagePropertiesScope(new Dictionary<string, object?>
        {
            [StorageCallCounter.TableProperty] = table.Name,
            [StorageCallCounter.EntitiesProperty] = batch.Count,
        });
        await table.SubmitTransactionAsync(batch, cancellationToken);
    }
}
