namespace SalesFunctions.Core.Capture;

/// <summary>Reads Teams call metadata of a tenant (application permission CallRecords.Read.All; docs/calls.md).</summary>
public interface ICallRecordReader
{
    /// <summary>The call record, or null when Graph no longer has it (records live 30 days).</summary>
    Task<CallRecordMetadata?> GetCallRecordAsync(string tenantId, string callRecordId, CancellationToken cancellationToken);

    /// <summary>The PSTN log rows of calls that started in [from, to] (UTC, inclusive; at most 90 days), all pages.</summary>
    IAsyncEnumerable<PstnCallRow> GetPstnCallsAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);
}
