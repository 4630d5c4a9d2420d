namespace SalesFunctions.Storage;

/// <summary>Section "Storage": a connection string (Azurite, local) or service URIs with managed identity (Azure).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    public string? ConnectionString { get; set; }

    public Uri? TableServiceUri { get; set; }

    public Uri? QueueServiceUri { get; set; }

    public Uri? BlobServiceUri { get; set; }

    /// <summary>Client id of a user-assigned managed identity; empty for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Prepended to every table, queue and container name; tests use it to isolate runs in one account.</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>
    /// How long one storage request may take before the SDK abandons it and retries. The SDK default (100 s) lets a
    /// single lost response stall a listener or an admin call for minutes; every request here is small.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
