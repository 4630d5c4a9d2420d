namespace SalesFunctions.Core.Crm;

/// <summary>Raw webhook bodies, kept before the acknowledgement so that the queue step (and a replay) reads exactly what was signed.</summary>
public interface ICrmPayloadStore
{
    /// <summary>Stores the body and returns its name.</summary>
    Task<string> SaveAsync(string tenantId, string connectorId, ReadOnlyMemory<byte> body, CancellationToken cancellationToken);

    Task<byte[]> ReadAsync(string name, CancellationToken cancellationToken);
}
