namespace SalesFunctions.Benchmarks;

/// <summary>The storage operations the concurrent baseline measures; each counted call of a path maps to one (<see cref="StorageBaseline.OperationOf"/>).</summary>
internal enum StorageOperation
{
    QueueSend,
    QueueReceiveDelete,
    TablePointRead,
    TableQueryPage,
    TableUpsert,
    TableTransaction100,
    BlobUpload,
    BlobRead,
}
