namespace SalesFunctions.Storage;

/// <summary>
/// One kind of storage call: the service ("table", "queue", "blob"), the operation (for example "upsert", "batch",
/// "send") and the logical table, queue or container name, without the deployment's prefix. Never a key or a blob name.
/// </summary>
public readonly record struct StorageCall(string Service, string Operation, string Name)
{
    public override string ToString() => $"{Service} {Operation} {Name}";
}
