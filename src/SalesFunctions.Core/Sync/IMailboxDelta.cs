namespace SalesFunctions.Core.Sync;

/// <summary>Graph delta queries: metadata only. Throws <see cref="SyncException"/> with a classified kind.</summary>
public interface IMailboxDelta
{
    /// <param name="link">A nextLink or deltaLink from an earlier page, used as is; null starts a full round.</param>
    Task<DeltaPage> GetPageAsync(string tenantId, string mailbox, string folder, string? link, CancellationToken cancellationToken);
}
