namespace SalesFunctions.Core.Crm;

/// <summary>CRM records per tenant and kind, and the provider event ids already processed.</summary>
public interface ICrmStore
{
    /// <summary>The record and its concurrency token, or null when it was never stored.</summary>
    Task<(CrmRecord Record, string ETag)?> GetAsync(string tenantId, CrmEntityKind kind, string connectorId, string externalId, CancellationToken cancellationToken);

    /// <summary>Stores the record if nobody changed it since <paramref name="etag"/> was read (null: if it still does not exist); false otherwise.</summary>
    Task<bool> SaveAsync(CrmRecord record, string? etag, CancellationToken cancellationToken);

    IAsyncEnumerable<CrmRecord> ListAsync(string tenantId, CrmEntityKind kind, CancellationToken cancellationToken);

    Task<bool> IsProcessedAsync(string tenantId, string connectorId, string eventId, CancellationToken cancellationToken);

    Task MarkProcessedAsync(string tenantId, string connectorId, string eventId, CancellationToken cancellationToken);

    /// <summary>Records (or refreshes the time of) a warning about a connector's setup, for the admin status.</summary>
    Task WarnAsync(CrmConnectorWarning warning, CancellationToken cancellationToken);

    /// <summary>Every connector warning of every tenant, latest first.</summary>
    Task<IReadOnlyList<CrmConnectorWarning>> ListWarningsAsync(CancellationToken cancellationToken);
}
