using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Specialized;

namespace SalesFunctions.Storage;

/// <summary>
/// A lock held as a lease on a blob, as the Functions host keeps a timer to one instance: renewed while held, released
/// on dispose, and lapsing by itself within <see cref="Duration"/> when its holder dies.
/// </summary>
public sealed class BlobLock : IAsyncDisposable
{
    public static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);

    private readonly BlobLeaseClient _lease;
    private readonly CancellationTokenSource _stopRenewing = new();
    private readonly Task _renewing;

    private BlobLock(BlobLeaseClient lease, TimeProvider time)
    {
        _lease = lease;
        _renewing = RenewAsync(time);
    }

    /// <returns>The lock, or null when another holder has it.</returns>
    public static async Task<BlobLock?> TryAcquireAsync(BlobClient blob, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(blob);
        try
        {
            await blob.UploadAsync(BinaryData.Empty, overwrite: false, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // The lock blob exists already (or is leased right now): either way it is there to lease.
        }

        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(Duration, cancellationToken: cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }

        return new BlobLock(lease, time);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopRenewing.CancelAsync();
        await _renewing;
        _stopRenewing.Dispose();
        // Bounded, so that a holder stopping while storage is unreachable is not held up by the client's retries.
        using var release = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        try
        {
            await _lease.ReleaseAsync(cancellationToken: release.Token);
        }
        catch (Exception e) when (e is RequestFailedException or OperationCanceledException)
        {
            // The lease lapses by itself within a minute; the next holder can take it then.
        }
    }

    private async Task RenewAsync(TimeProvider time)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Duration / 3, time, _stopRenewing.Token);
                await _lease.RenewAsync(cancellationToken: _stopRenewing.Token);
            }
        }
        catch (OperationCanceledException)
        {
            // Released.
        }
        catch (RequestFailedException)
        {
            // Renewal failed; the holder goes on, and at worst another may take the lock early. What runs under it must
            // stay correct then: the timers' work is idempotent, and a rollup never clears a day marked after it listed it.
        }
    }
}
