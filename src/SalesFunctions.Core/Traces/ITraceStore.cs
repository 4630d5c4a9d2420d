namespace SalesFunctions.Core.Traces;

public interface ITraceStore
{
    Task WriteAsync(IReadOnlyList<CaptureTrace> traces, CancellationToken cancellationToken);

    /// <summary>Every trace of one key between the two instants, oldest first.</summary>
    Task<IReadOnlyList<CaptureTrace>> FindAsync(string tenantId, string key, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>A tenant's traces between the two instants, at most <paramref name="limit"/>, oldest first.</summary>
    Task<IReadOnlyList<CaptureTrace>> ListAsync(string tenantId, DateTimeOffset from, DateTimeOffset to, int limit, CancellationToken cancellationToken);

    /// <summary>Drops traces wholly older than the cutoff; returns how many storage units (monthly tables) were dropped.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
