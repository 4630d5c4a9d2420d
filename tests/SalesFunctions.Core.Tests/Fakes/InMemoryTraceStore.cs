using SalesFunctions.Core.Traces;

namespace SalesFunctions.Core.Tests.Fakes;

internal sealed class InMemoryTraceStore : ITraceStore
{
    private readonly List<CaptureTrace> _traces = [];

    public IReadOnlyList<CaptureTrace> All => _traces;

    /// <summary>When set, every write throws it: a storage outage.</summary>
    public Exception? Failure { get; set; }

    public Task WriteAsync(IReadOnlyList<CaptureTrace> traces, CancellationToken cancellationToken)
    {
        if (Failure is not null)
        {
            throw Failure;
        }

        _traces.AddRange(traces);
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<CaptureTrace>> FindAsync(string tenantId, string key, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CaptureTrace>>(_traces.Where(t => t.TenantId == tenantId && t.Key == key && t.At >= from && t.At <= to).OrderBy(t => t.At).ToList());

    public Task<IReadOnlyList<CaptureTrace>> ListAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<CaptureTrace>>(_traces.Where(t => t.TenantId == tenantId && t.At >= from && t.At <= to).OrderBy(t => t.At).Take(limit).ToList());

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        Task.FromResult(_traces.RemoveAll(t => t.At < cutoff));
}
