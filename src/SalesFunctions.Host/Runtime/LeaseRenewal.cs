using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace SalesFunctions.Host.Runtime;

/// <summary>
/// Keeps a message invisible while its function runs, renewing at half the lease, as the Functions queue listener
/// does. Each renewal returns a new pop receipt, which is what the final delete or update must use.
/// </summary>
internal sealed class LeaseRenewal : IDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private string _popReceipt;

    public LeaseRenewal(QueueClient queue, QueueMessage message, TimeSpan lease, TimeProvider time)
    {
        _popReceipt = message.PopReceipt;
        _loop = RenewAsync(queue, message.MessageId, lease, time);
    }

    /// <summary>Stops renewing and returns the current pop receipt.</summary>
    public async Task<string> StopAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Expected: the loop ends by cancellation.
        }
        catch (Azure.RequestFailedException)
        {
            // A renewal failed: the lease may be lost. The delete or update that follows uses the last receipt and,
            // if it fails too, the message simply comes back (at-least-once).
        }

        return _popReceipt;
    }

    public void Dispose() => _stop.Dispose();

    private async Task RenewAsync(QueueClient queue, string messageId, TimeSpan lease, TimeProvider time)
    {
        while (true)
        {
            await Task.Delay(lease / 2, time, _stop.Token);
            var receipt = await queue.UpdateMessageAsync(messageId, _popReceipt, visibilityTimeout: lease, cancellationToken: _stop.Token);
            _popReceipt = receipt.Value.PopReceipt;
        }
    }
}
